import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db.js';
import { openStorage } from './index.js';
import { migrations } from './migrations/index.js';

async function* one(body: Buffer): AsyncGenerator<Buffer> {
  yield body;
}

async function readAll(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

/** Descriptors this process holds on `path`, from Linux's /proc: a refused open must not leak its connection. */
function openFilesNamed(path: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(join('/proc/self/fd', fd)) === path;
    } catch {
      return false;
    }
  }).length;
}

describe('openStorage', () => {
  let dir: string | undefined;

  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('creates DIR/xacct.db and DIR/blobs, migrated, and keeps rows and bodies across a reopen', async () => {
    dir = mkdtempSync(join(tmpdir(), 'xacct-storage-test-'));
    const dataDir = join(dir, 'data');
    const first = openStorage({ dataDir });
    expect(existsSync(join(dataDir, 'xacct.db'))).toBe(true);
    expect(existsSync(join(dataDir, 'blobs', 'tmp'))).toBe(true);
    const { id } = await first.blobs.write(one(Buffer.from('hello')));
    first.db.transaction(() => first.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('blob', id));
    first.close();

    const second = openStorage({ dataDir });
    try {
      const applied = second.db.prepare('SELECT version FROM schema_migrations').pluck().all();
      expect(applied).toEqual(migrations.map((migration) => migration.version));
      const kept = second.db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck().get('blob');
      expect(kept).toBe(id);
      expect((await readAll(await second.blobs.openRead(id))).toString()).toBe('hello');
    } finally {
      second.close();
    }
  });

  it('keeps nothing in memory mode and removes its scratch directory on close', async () => {
    const storage = openStorage({ memory: true });
    const { id } = await storage.blobs.write(one(Buffer.from('x')));
    expect(await storage.blobs.exists(id)).toBe(true);
    expect(storage.db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(0);
    storage.close();
    expect(existsSync(storage.blobs.root)).toBe(false);
  });

  it('refuses a data directory written by a newer xacct, without changing it or holding it open', () => {
    dir = mkdtempSync(join(tmpdir(), 'xacct-storage-test-'));
    const first = openStorage({ dataDir: dir });
    first.db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '')").run();
    expect(openFilesNamed(join(dir, 'xacct.db'))).toBeGreaterThan(0);
    first.close();
    expect(() => openStorage({ dataDir: dir as string })).toThrow(
      new RegExp(`${join(dir, 'xacct.db')} has schema migration 999 \\('future'\\).*newer xacct`),
    );
    expect(openFilesNamed(join(dir, 'xacct.db'))).toBe(0);
    const db = openDatabase({ path: join(dir, 'xacct.db') });
    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(999);
    db.close();
  });
});
