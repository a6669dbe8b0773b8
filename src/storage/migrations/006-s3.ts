// Migration 6: S3 buckets, their configuration documents, and the account-level Block Public Access settings.
import type { Database } from '../db.js';

export const version = 6;
export const name = 's3';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE s3_buckets (
      name TEXT PRIMARY KEY,
      owner TEXT NOT NULL,
      region TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      object_ownership TEXT CHECK (object_ownership IN ('BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter')),
      versioning TEXT CHECK (versioning IN ('Enabled', 'Suspended')),
      object_lock_enabled INTEGER NOT NULL DEFAULT 0,
      acl TEXT NOT NULL
    ) STRICT;
    CREATE INDEX s3_buckets_owner ON s3_buckets (owner, name);
    CREATE TABLE s3_bucket_configs (
      bucket TEXT NOT NULL REFERENCES s3_buckets (name) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      document TEXT NOT NULL,
      PRIMARY KEY (bucket, kind)
    ) STRICT;
    CREATE TABLE s3_account_public_access_blocks (
      account TEXT PRIMARY KEY,
      block_public_acls INTEGER NOT NULL,
      ignore_public_acls INTEGER NOT NULL,
      block_public_policy INTEGER NOT NULL,
      restrict_public_buckets INTEGER NOT NULL
    ) STRICT;
  `);
}
