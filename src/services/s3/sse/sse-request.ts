// The server-side encryption a write asks for (PutObject, CopyObject, CreateMultipartUpload, POST): its
// `x-amz-server-side-encryption*` headers, else the bucket's default encryption, checked with S3's errors before any
// KMS call or byte of the body. Also the refusal of those headers on reads, where they mean nothing.
import { AwsError, notImplemented } from '../../../core/aws-error.js';
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { publicAccessBlocked } from '../authorization/denial.js';
import type { BucketRecord } from '../repos/buckets.js';

export type SseRequest =
  | { readonly algorithm: 'AES256' }
  | {
      readonly algorithm: 'aws:kms';
      /** As given (key id, key ARN, alias name or alias ARN), or the AWS managed key's alias. */
      readonly keyId: string;
      /** The requester's additional encryption context; `aws:s3:arn` is S3's to add. */
      readonly context: Readonly<Record<string, string>>;
      /** `x-amz-server-side-encryption-context` as sent, which the write's response echoes. */
      readonly contextHeader: string | undefined;
      readonly bucketKey: boolean;
    };

/** Without a key in the request or the bucket default, S3 uses the account's AWS managed key (S3 API, PutObject). */
export const AWS_MANAGED_KEY = 'alias/aws/s3';

const SSE_HEADER = 'x-amz-server-side-encryption';
const ALGORITHMS: ReadonlySet<string> = new Set(['AES256', 'aws:kms', 'aws:kms:dsse']);
const REQUIRES_KMS =
  'Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms';
// Recorded from S3 (HADOOP-19197); the error code was not, InvalidArgument is S3's code for bad header values.
const BAD_CONTEXT =
  "The header 'x-amz-server-side-encryption-context' shall be Base64-encoded UTF-8 string holding JSON which represents a string-string map";
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Since April 2026 S3 blocks SSE-C on every new general purpose bucket (BlockedEncryptionTypes SSE-C by default; S3
 * UG, "Default SSE-C setting for new buckets"), which every xacct bucket is: a write with a customer key is refused
 * as S3 refuses it, detailed for the owner's account and organization.
 */
const SSE_C_BLOCKED =
  'because this bucket has blocked upload requests that specify Server Side Encryption with Customer provided keys (SSE-C). Please specify a different server-side encryption type';

export function sseRequestOf(call: CallContext, input: Shaped, bucket: BucketRecord, key: string): SseRequest {
  if (input.SSECustomerAlgorithm !== undefined || input.SSECustomerKey !== undefined) {
    throw publicAccessBlocked(call, bucket.owner, 's3:PutObject', `${bucket.arn}/${key}`, SSE_C_BLOCKED);
  }
  const header = input.ServerSideEncryption as string | undefined;
  if (header !== undefined && !ALGORITHMS.has(header)) {
    throw invalidArgument('The encryption method specified is not supported', SSE_HEADER, header);
  }
  const keyId = input.SSEKMSKeyId as string | undefined;
  const contextHeader = input.SSEKMSEncryptionContext as string | undefined;
  if ((keyId !== undefined || contextHeader !== undefined) && header !== 'aws:kms' && header !== 'aws:kms:dsse') {
    throw invalidArgument(REQUIRES_KMS, SSE_HEADER, header);
  }
  const byDefault = bucket.configs.encryption;
  const algorithm = header ?? byDefault?.algorithm ?? 'AES256';
  if (algorithm === 'aws:kms:dsse') throw notImplemented(SSE_HEADER);
  if (algorithm === 'AES256') return { algorithm };
  // The bucket default's key serves requests that ask for aws:kms without naming a key (as LocalStack recorded).
  const defaultKey = byDefault?.algorithm === 'aws:kms' ? byDefault.kmsKeyId : undefined;
  return {
    algorithm: 'aws:kms',
    keyId: keyId ?? defaultKey ?? AWS_MANAGED_KEY,
    context: contextHeader === undefined ? {} : parseContext(contextHeader),
    contextHeader,
    bucketKey: bucketKeyOf(input.BucketKeyEnabled) ?? byDefault?.bucketKeyEnabled ?? false,
  };
}

/**
 * GET and HEAD take no server-side encryption headers: the object's encryption cannot change on a read (S3 API,
 * GetObject and HeadObject: 400 Bad Request).
 */
export function rejectSseOnRead(call: CallContext): void {
  const { headers } = call.http;
  const sse = headers[SSE_HEADER];
  if (sse !== undefined) {
    throw invalidArgument(`${SSE_HEADER} header is not supported for this operation.`, SSE_HEADER, sse);
  }
  if (headers['x-amz-server-side-encryption-aws-kms-key-id'] !== undefined) {
    throw invalidArgument(REQUIRES_KMS, SSE_HEADER, undefined);
  }
}

/** Base64 of UTF-8 JSON holding an object of strings. */
function parseContext(header: string): Record<string, string> {
  const bad = () => invalidArgument(BAD_CONTEXT, 'x-amz-server-side-encryption-context', header);
  if (header.length % 4 !== 0 || !BASE64.test(header)) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(header, 'base64')));
  } catch {
    throw bad();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw bad();
  const context: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') throw bad();
    context[name] = value;
  }
  return context;
}

/** A header arrives as a boolean; a POST form field as text. */
function bucketKeyOf(value: unknown): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  const text = String(value).toLowerCase();
  if (text === 'true' || text === 'false') return text === 'true';
  throw invalidArgument(
    'Invalid value for x-amz-server-side-encryption-bucket-key-enabled',
    'x-amz-server-side-encryption-bucket-key-enabled',
    String(value),
  );
}

function invalidArgument(message: string, name: string, value: string | undefined): AwsError {
  const extra: Record<string, string> = { ArgumentName: name };
  if (value !== undefined) extra.ArgumentValue = value;
  return new AwsError('InvalidArgument', message, { extra });
}
