// Migration 9: KMS keys (with their key policy and secret key material), aliases, tags and grants. Key ids are
// UUIDs, unique across accounts, because a ciphertext blob names its key by id alone; times are ms since the epoch.
import type { Database } from '../db.js';

export const version = 9;
export const name = 'kms';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE kms_keys (
      id TEXT PRIMARY KEY,
      account TEXT NOT NULL,
      region TEXT NOT NULL,
      description TEXT NOT NULL,
      key_usage TEXT NOT NULL,
      key_spec TEXT NOT NULL,
      origin TEXT NOT NULL,
      manager TEXT NOT NULL CHECK (manager IN ('CUSTOMER', 'AWS')),
      state TEXT NOT NULL CHECK (state IN ('Enabled', 'Disabled', 'PendingDeletion')),
      created_at INTEGER NOT NULL,
      deletion_date INTEGER,
      pending_window_days INTEGER,
      rotation_period_days INTEGER,
      policy TEXT NOT NULL,
      material BLOB NOT NULL
    ) STRICT;
    CREATE INDEX kms_keys_account ON kms_keys (account, region, created_at);
    CREATE TABLE kms_aliases (
      account TEXT NOT NULL,
      region TEXT NOT NULL,
      name TEXT NOT NULL,
      key_id TEXT NOT NULL REFERENCES kms_keys (id),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (account, region, name)
    ) STRICT;
    CREATE INDEX kms_aliases_key ON kms_aliases (key_id);
    CREATE TABLE kms_key_tags (
      key_id TEXT NOT NULL REFERENCES kms_keys (id) ON DELETE CASCADE,
      tag_key TEXT NOT NULL,
      tag_value TEXT NOT NULL,
      PRIMARY KEY (key_id, tag_key)
    ) STRICT;
    CREATE TABLE kms_grants (
      id TEXT PRIMARY KEY,
      key_id TEXT NOT NULL REFERENCES kms_keys (id) ON DELETE CASCADE,
      name TEXT,
      grantee TEXT NOT NULL,
      retiring TEXT,
      operations TEXT NOT NULL,
      constraints TEXT,
      issuing_account TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      token TEXT NOT NULL UNIQUE
    ) STRICT;
    CREATE INDEX kms_grants_key ON kms_grants (key_id, created_at);
    CREATE INDEX kms_grants_retiring ON kms_grants (retiring);
  `);
}
