// Completed multipart uploads, remembered for a while so that a retried CompleteMultipartUpload (SDKs retry it after a
// timeout) is answered with the result of the completion that already happened, as S3 does, instead of NoSuchUpload.
// Bounded twice: a record lives a day at most, and at most the newest 10,000 are kept.
import type { Database } from '../../../storage/db.js';

/** How long a completion can be retried (docs/deviations.md: S3 does not publish its window). */
export const COMPLETION_RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
export const MAX_REMEMBERED_COMPLETIONS = 10_000;

/** What the CompleteMultipartUpload response carried besides Location (which follows from bucket and key). */
export type CompletionResult = Readonly<Record<string, string | boolean>>;

export interface CompletedUpload {
  readonly uploadId: string;
  readonly bucket: string;
  readonly key: string;
  /** The object's multipart ETag without quotes; it names the parts the completion listed. */
  readonly etag: string;
  readonly completedAt: number;
  readonly result: CompletionResult;
}

interface CompletedRow {
  upload_id: string;
  bucket: string;
  key: string;
  etag: string;
  completed_at: number;
  result: string;
}

/** Records a completion (inside the transaction that completed the upload) and forgets the expired and the oldest. */
export function rememberCompletedUpload(db: Database, completed: CompletedUpload): void {
  db.prepare(
    `INSERT INTO s3_completed_uploads (upload_id, bucket, key, etag, completed_at, result) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    completed.uploadId,
    completed.bucket,
    completed.key,
    completed.etag,
    completed.completedAt,
    JSON.stringify(completed.result),
  );
  db.prepare('DELETE FROM s3_completed_uploads WHERE completed_at < ?').run(
    completed.completedAt - COMPLETION_RETRY_WINDOW_MS,
  );
  // Records are only ever removed oldest first (or with their bucket), so the newest `seq` less the cap is the limit.
  db.prepare('DELETE FROM s3_completed_uploads WHERE seq <= (SELECT max(seq) FROM s3_completed_uploads) - ?').run(
    MAX_REMEMBERED_COMPLETIONS,
  );
}

/** The completion of `uploadId` if it happened within the retry window before `now`. */
export function findCompletedUpload(db: Database, uploadId: string, now: number): CompletedUpload | undefined {
  const row = db
    .prepare<[string, number], CompletedRow>(
      'SELECT * FROM s3_completed_uploads WHERE upload_id = ? AND completed_at >= ?',
    )
    .get(uploadId, now - COMPLETION_RETRY_WINDOW_MS);
  if (row === undefined) return undefined;
  return {
    uploadId: row.upload_id,
    bucket: row.bucket,
    key: row.key,
    etag: row.etag,
    completedAt: row.completed_at,
    result: JSON.parse(row.result) as CompletionResult,
  };
}
