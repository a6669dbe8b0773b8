// Migration 13: multipart uploads recently completed, so that a retried CompleteMultipartUpload gets the first answer.
import type { Database } from '../db.js';

export const version = 13;
export const name = 's3-completed-uploads';

// `seq` orders the records by completion, so the oldest beyond the cap go first; a bucket's records go with it.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE s3_completed_uploads (
      seq INTEGER PRIMARY KEY,
      upload_id TEXT NOT NULL UNIQUE,
      bucket TEXT NOT NULL REFERENCES s3_buckets (name) ON DELETE CASCADE,
      key TEXT NOT NULL,
      etag TEXT NOT NULL,
      completed_at INTEGER NOT NULL,
      result TEXT NOT NULL
    ) STRICT;
    CREATE INDEX s3_completed_uploads_age ON s3_completed_uploads (completed_at);
    CREATE INDEX s3_completed_uploads_bucket ON s3_completed_uploads (bucket);
  `);
}
