// The SSE-KMS columns object and upload rows share (migration 011), read and written in one place so that both
// repositories store an object's encryption the same way.
import type { KmsEncryption } from '../repos/object-types.js';

export interface KmsRow {
  sse_kms_key_arn: string | null;
  sse_data_key: Buffer | null;
  sse_context: string | null;
  sse_bucket_key: number;
  sse_iv: Buffer | null;
}

export const KMS_COLUMN_NAMES = 'sse_kms_key_arn, sse_data_key, sse_context, sse_bucket_key, sse_iv';

/** The values of KMS_COLUMN_NAMES, in that order. */
export function kmsColumnValues(kms: KmsEncryption | undefined): (string | Buffer | number | null)[] {
  if (kms === undefined) return [null, null, null, 0, null];
  return [kms.keyArn, kms.dataKey, JSON.stringify(kms.context), kms.bucketKey ? 1 : 0, kms.iv];
}

export function kmsFromRow(row: KmsRow): KmsEncryption | undefined {
  if (row.sse_kms_key_arn === null || row.sse_data_key === null || row.sse_iv === null) return undefined;
  return {
    keyArn: row.sse_kms_key_arn,
    dataKey: row.sse_data_key,
    context: row.sse_context === null ? {} : (JSON.parse(row.sse_context) as Record<string, string>),
    bucketKey: row.sse_bucket_key === 1,
    iv: row.sse_iv,
  };
}
