// Migration 11: SSE-KMS of S3 objects and multipart uploads. The existing `sse` column keeps the algorithm; these
// say which KMS key protects the body, the data key as KMS encrypted it, the requester's extra encryption context,
// whether an S3 Bucket Key was used, and the body's AES-256-CTR initial counter. All are NULL (bucket key 0) for
// objects stored before, which are plaintext at rest.
import type { Database } from '../db.js';

export const version = 11;
export const name = 's3-sse';

const KMS_COLUMNS = [
  'sse_kms_key_arn TEXT',
  'sse_data_key BLOB',
  'sse_context TEXT',
  'sse_bucket_key INTEGER NOT NULL DEFAULT 0 CHECK (sse_bucket_key IN (0, 1))',
  'sse_iv BLOB',
];

export function up(db: Database): void {
  for (const table of ['s3_objects', 's3_uploads']) {
    for (const column of KMS_COLUMNS) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column}`);
  }
  // Each part of an SSE-KMS upload is encrypted under the upload's key with a counter of its own.
  db.exec('ALTER TABLE s3_upload_parts ADD COLUMN sse_iv BLOB');
}
