// Opens xacct's state: the SQLite database (migrated to the current schema) and the blob store beside it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BlobStore, openBlobStore } from './blobs.js';
import { type Database, openDatabase } from './db.js';
import { migrations } from './migrations/index.js';
import { runMigrations } from './migrations/run-migrations.js';

export type StorageOptions = { readonly dataDir: string } | { readonly memory: true };

export interface Storage {
  readonly db: Database;
  readonly blobs: BlobStore;
  close(): void;
}

/**
 * `{ dataDir }` keeps `DIR/xacct.db` and `DIR/blobs/` across restarts; `{ memory: true }` keeps nothing. Once open,
 * and before accepting writes, the caller runs `blobs.sweepOrphans` with a check against the rows that own blobs.
 */
export function openStorage(options: StorageOptions): Storage {
  if ('dataDir' in options) mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase('memory' in options ? options : { path: join(options.dataDir, 'xacct.db') });
  let blobs: BlobStore;
  try {
    runMigrations(db, migrations);
    blobs = openBlobStore('memory' in options ? options : { dir: join(options.dataDir, 'blobs') });
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    db,
    blobs,
    close() {
      db.close();
      blobs.close();
    },
  };
}
