import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db.js';
import { migrations } from './index.js';
import type { Migration } from './migration.js';
import { runMigrations } from './run-migrations.js';

function tableMigration(version: number, name: string, log: string[]): Migration {
  return {
    version,
    name,
    up(db) {
      log.push(name);
      db.exec(`CREATE TABLE ${name} (id INTEGER PRIMARY KEY)`);
    },
  };
}

function tables(db: Database): string[] {
  return db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
}

describe('runMigrations', () => {
  const open: Database[] = [];
  let dir: string | undefined;

  afterEach(() => {
    for (const db of open.splice(0)) db.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function memoryDb(): Database {
    const db = openDatabase({ memory: true });
    open.push(db);
    return db;
  }

  it('applies pending migrations once, in order, and records each', () => {
    const db = memoryDb();
    const log: string[] = [];
    const list = [tableMigration(1, 'first', log), tableMigration(2, 'second', log)];
    expect(runMigrations(db, list)).toEqual([1, 2]);
    expect(runMigrations(db, list)).toEqual([]);
    expect(log).toEqual(['first', 'second']);
    const ledger = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(ledger).toEqual([
      { version: 1, name: 'first' },
      { version: 2, name: 'second' },
    ]);
  });

  it('applies only the migrations added since the last run', () => {
    const db = memoryDb();
    const log: string[] = [];
    runMigrations(db, [tableMigration(1, 'first', log)]);
    expect(runMigrations(db, [tableMigration(1, 'first', log), tableMigration(2, 'second', log)])).toEqual([2]);
    expect(log).toEqual(['first', 'second']);
  });

  it('keeps applied migrations and data across a reopen', () => {
    dir = mkdtempSync(join(tmpdir(), 'xacct-migrations-test-'));
    const path = join(dir, 'x.db');
    const log: string[] = [];
    const first = openDatabase({ path });
    runMigrations(first, [tableMigration(1, 'first', log)]);
    first.prepare('INSERT INTO first (id) VALUES (7)').run();
    first.close();
    const db = openDatabase({ path });
    open.push(db);
    expect(runMigrations(db, [tableMigration(1, 'first', log)])).toEqual([]);
    expect(log).toEqual(['first']);
    expect(db.prepare('SELECT id FROM first').pluck().all()).toEqual([7]);
  });

  it('rolls back a failing migration entirely and records nothing for it', () => {
    const db = memoryDb();
    const failing: Migration = {
      version: 2,
      name: 'half',
      up(database) {
        database.exec('CREATE TABLE half_done (id INTEGER)');
        throw new Error('migration bug');
      },
    };
    expect(() => runMigrations(db, [tableMigration(1, 'first', []), failing])).toThrow('migration bug');
    expect(tables(db)).toEqual(['first', 'schema_migrations']);
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual([1]);
  });

  it('refuses a database migrated by a newer xacct, naming the unknown migration', () => {
    const db = memoryDb();
    const log: string[] = [];
    runMigrations(db, [tableMigration(1, 'first', log), tableMigration(2, 'second', log)]);
    expect(() => runMigrations(db, [tableMigration(1, 'first', log)])).toThrow(
      /schema migration 2 \('second'\), which this version of xacct does not know \(it knows migrations up to 1\)/,
    );
  });

  it('refuses a database whose migration of the same number has another name', () => {
    const db = memoryDb();
    runMigrations(db, [tableMigration(1, 'first', [])]);
    expect(() => runMigrations(db, [tableMigration(1, 'other', [])])).toThrow(/applied schema migration 1 as 'first'/);
  });

  it('rejects a list whose versions do not increase', () => {
    const db = memoryDb();
    const list = [tableMigration(2, 'b', []), tableMigration(1, 'a', [])];
    expect(() => runMigrations(db, list)).toThrow(/versions must be integers increasing from 1/);
    expect(tables(db)).toEqual([]);
  });
});

describe('the registered migrations', () => {
  it('create accounts with a 12-digit id and a unique canonical user id, and meta', () => {
    const db = openDatabase({ memory: true });
    try {
      expect(runMigrations(db, migrations)).toEqual(migrations.map((migration) => migration.version));
      const insert = db.prepare('INSERT INTO accounts (id, canonical_user_id, alias, created_at) VALUES (?, ?, ?, ?)');
      insert.run('111122223333', 'c1', 'dev', '2025-01-01T00:00:00Z');
      expect(() => insert.run('12345', 'c2', null, null)).toThrow(/CHECK/);
      expect(() => insert.run('11112222333x', 'c2', null, null)).toThrow(/CHECK/);
      expect(() => insert.run('444455556666', 'c1', null, null)).toThrow(/UNIQUE/);
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('k', 'v');
      expect(db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get('k')).toBe('v');
    } finally {
      db.close();
    }
  });

  it('are every NNN-name.ts file of this folder, numbered from 1 without gaps', () => {
    const files = readdirSync(dirname(fileURLToPath(import.meta.url)))
      .filter((file) => /^\d{3}-.+\.ts$/.test(file) && !file.endsWith('.test.ts'))
      .sort();
    const registered = migrations.map(
      (migration) => `${String(migration.version).padStart(3, '0')}-${migration.name}.ts`,
    );
    expect(registered).toEqual(files);
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
  });
});
