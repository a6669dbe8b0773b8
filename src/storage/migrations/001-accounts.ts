// Migration 1: the accounts xacct simulates, and a key/value table for installation-wide settings.
import type { Database } from '../db.js';

export const version = 1;
export const name = 'accounts';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE accounts (
      id TEXT PRIMARY KEY CHECK (length(id) = 12 AND id NOT GLOB '*[^0-9]*'),
      canonical_user_id TEXT NOT NULL UNIQUE,
      alias TEXT,
      created_at TEXT
    ) STRICT;
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT
    ) STRICT;
  `);
}
