// Migration 8: S3 objects (every version and delete marker) and multipart uploads with their parts.
import type { Database } from '../db.js';

export const version = 8;
export const name = 's3-objects';

// Object rows are ordered by `id`: within one key, a higher id is a newer version.
// INVARIANT: at most one row per (bucket, key) has is_latest = 1, and it is the row with the highest id.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE s3_objects (
      id INTEGER PRIMARY KEY,
      bucket TEXT NOT NULL,
      key TEXT NOT NULL,
      version_id TEXT NOT NULL,
      is_latest INTEGER NOT NULL CHECK (is_latest IN (0, 1)),
      delete_marker INTEGER NOT NULL CHECK (delete_marker IN (0, 1)),
      blob_id TEXT,
      size INTEGER NOT NULL,
      etag TEXT NOT NULL,
      last_modified INTEGER NOT NULL,
      owner TEXT NOT NULL,
      owner_canonical_id TEXT NOT NULL,
      storage_class TEXT NOT NULL,
      sse TEXT,
      headers TEXT NOT NULL,
      metadata TEXT NOT NULL,
      tags TEXT NOT NULL,
      acl TEXT,
      checksum TEXT,
      parts TEXT
    ) STRICT;
    CREATE UNIQUE INDEX s3_objects_version ON s3_objects (bucket, key, version_id);
    CREATE INDEX s3_objects_history ON s3_objects (bucket, key, id);
    CREATE INDEX s3_objects_current ON s3_objects (bucket, key) WHERE is_latest = 1;
    CREATE INDEX s3_objects_blob ON s3_objects (blob_id) WHERE blob_id IS NOT NULL;

    CREATE TABLE s3_uploads (
      upload_id TEXT PRIMARY KEY,
      bucket TEXT NOT NULL,
      key TEXT NOT NULL,
      initiated INTEGER NOT NULL,
      initiator_arn TEXT NOT NULL,
      initiator_id TEXT NOT NULL,
      owner TEXT NOT NULL,
      owner_canonical_id TEXT NOT NULL,
      storage_class TEXT NOT NULL,
      sse TEXT,
      headers TEXT NOT NULL,
      metadata TEXT NOT NULL,
      tags TEXT NOT NULL,
      acl TEXT,
      checksum_algorithm TEXT,
      checksum_type TEXT,
      key_existed INTEGER NOT NULL CHECK (key_existed IN (0, 1))
    ) STRICT;
    CREATE INDEX s3_uploads_listing ON s3_uploads (bucket, key, initiated, upload_id);

    CREATE TABLE s3_upload_parts (
      upload_id TEXT NOT NULL REFERENCES s3_uploads (upload_id) ON DELETE CASCADE,
      part_number INTEGER NOT NULL,
      blob_id TEXT NOT NULL,
      size INTEGER NOT NULL,
      etag TEXT NOT NULL,
      last_modified INTEGER NOT NULL,
      checksum TEXT,
      PRIMARY KEY (upload_id, part_number)
    ) STRICT;
    CREATE INDEX s3_upload_parts_blob ON s3_upload_parts (blob_id);
  `);
}
