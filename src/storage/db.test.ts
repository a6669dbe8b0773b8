import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './db.js';

describe('openDatabase', () => {
  let dir: string | undefined;
  let db: Database | undefined;

  afterEach(() => {
    db?.close();
    db = undefined;
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function openMemory(): Database {
    db = openDatabase({ memory: true });
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    return db;
  }

  it('opens a file database in WAL mode with full sync, foreign keys and a busy timeout', () => {
    dir = mkdtempSync(join(tmpdir(), 'xacct-db-test-'));
    db = openDatabase({ path: join(dir, 'x.db') });
    expect(db.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.raw.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.raw.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('commits what the transaction function wrote and returns its result', () => {
    const database = openMemory();
    const result = database.transaction(() => {
      database.prepare('INSERT INTO t (name) VALUES (?)').run('a');
      return 42;
    });
    expect(result).toBe(42);
    expect(database.prepare('SELECT name FROM t').pluck().all()).toEqual(['a']);
  });

  it('rolls back every write when the transaction function throws', () => {
    const database = openMemory();
    expect(() =>
      database.transaction(() => {
        database.prepare('INSERT INTO t (name) VALUES (?)').run('a');
        database.prepare('INSERT INTO t (name) VALUES (?)').run('b');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(database.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0);
    expect(database.raw.inTransaction).toBe(false);
  });

  it('rolls back only the inner part of a nested transaction that throws', () => {
    const database = openMemory();
    database.transaction(() => {
      database.prepare('INSERT INTO t (name) VALUES (?)').run('outer');
      expect(() =>
        database.transaction(() => {
          database.prepare('INSERT INTO t (name) VALUES (?)').run('inner');
          throw new Error('inner fails');
        }),
      ).toThrow('inner fails');
    });
    expect(database.prepare('SELECT name FROM t').pluck().all()).toEqual(['outer']);
  });

  it('refuses an async transaction function, which could not hold the transaction across an await', () => {
    const database = openMemory();
    expect(() => database.transaction(async () => 1)).toThrow(/promise/);
    expect(database.raw.inTransaction).toBe(false);
  });

  it('prepares each distinct SQL text once', () => {
    const database = openMemory();
    const first = database.prepare('SELECT 1');
    expect(database.prepare('SELECT 1')).toBe(first);
    expect(database.prepare('SELECT 2')).not.toBe(first);
  });

  it('enforces foreign keys', () => {
    const database = openMemory();
    database.exec('CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER NOT NULL REFERENCES t (id))');
    expect(() => database.prepare('INSERT INTO child (parent) VALUES (?)').run(99)).toThrow(/FOREIGN KEY/);
  });

  it('keeps committed rows when a file database is reopened', () => {
    dir = mkdtempSync(join(tmpdir(), 'xacct-db-test-'));
    const path = join(dir, 'x.db');
    const first = openDatabase({ path });
    first.exec('CREATE TABLE t (name TEXT)');
    first.transaction(() => first.prepare('INSERT INTO t VALUES (?)').run('kept'));
    first.close();
    db = openDatabase({ path });
    expect(db.prepare('SELECT name FROM t').pluck().all()).toEqual(['kept']);
  });
});
