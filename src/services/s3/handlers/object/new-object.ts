// What a write (PutObject, CopyObject with REPLACE, CreateMultipartUpload, POST uploads) asks the new object to be:
// content headers, user metadata, storage class, owner and ACL, each checked with S3's error before a byte of the
// body is stored (encryption: src/services/s3/sse).
import { AwsError } from '../../../../core/aws-error.js';
import { headerBytes } from '../../../../core/header-text.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { type CannedAcl, cannedAcl, type StoredAcl } from '../../authorization/acl.js';
import { checkAclAccepted, requestedAcl } from '../../authorization/acl-input.js';
import type { BucketRecord } from '../../repos/buckets.js';
import type { ContentHeaders, ObjectOwner } from '../../repos/object-types.js';
import { decodeMetadataValue } from './metadata-encoding.js';

const MAX_KEY_BYTES = 1024;
const MAX_METADATA_BYTES = 2048;
export const MAX_OBJECT_SIZE = 5 * 1024 ** 3;

const STORAGE_CLASSES: ReadonlySet<string> = new Set([
  'STANDARD',
  'REDUCED_REDUNDANCY',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER',
  'DEEP_ARCHIVE',
  'GLACIER_IR',
  'SNOW',
  'EXPRESS_ONEZONE',
  'FSX_OPENZFS',
]);

/** Where a write's input came from: request headers, or the fields of a browser upload's form. */
export type InputSource = 'headers' | 'form';

const CONTENT_MEMBERS = [
  'ContentType',
  'ContentEncoding',
  'ContentDisposition',
  'ContentLanguage',
  'CacheControl',
  'Expires',
  'WebsiteRedirectLocation',
] as const;

export function checkObjectKey(key: string): void {
  const size = Buffer.byteLength(key);
  if (size > MAX_KEY_BYTES) {
    throw new AwsError('KeyTooLongError', 'Your key is too long', {
      extra: { Size: String(size), MaxSizeAllowed: String(MAX_KEY_BYTES) },
    });
  }
}

/**
 * The stored content headers: `binary/octet-stream` when no type is given, aws-chunked (framing) never stored.
 * They are kept as the bytes S3 answers them with, one character a byte: a header's own bytes (which the HTTP layer
 * read as UTF-8 text), a form field's characters (whatever ISO-8859-1 cannot carry is answered as a space).
 */
export function contentHeaders(input: Shaped, source: InputSource = 'headers'): ContentHeaders {
  const headers: Record<string, string> = {};
  for (const member of CONTENT_MEMBERS) {
    const value = input[member];
    if (typeof value === 'string') headers[member] = source === 'headers' ? headerBytes(value) : value;
  }
  if (headers.ContentEncoding !== undefined) {
    const kept = headers.ContentEncoding.split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '' && e.toLowerCase() !== 'aws-chunked');
    if (kept.length > 0) headers.ContentEncoding = kept.join(',');
    else delete headers.ContentEncoding;
  }
  headers.ContentType ??= 'binary/octet-stream';
  return headers;
}

/**
 * User metadata (`x-amz-meta-*`) as text, RFC 2047 encoded-words decoded (S3 UG, "Working with object metadata"),
 * at most 2 KB of names and values counted in UTF-8.
 */
export function userMetadata(input: Shaped): Record<string, string> {
  const metadata: Record<string, string> = {};
  let size = 0;
  for (const [name, raw] of Object.entries((input.Metadata as Record<string, string> | undefined) ?? {})) {
    const value = decodeMetadataValue(raw);
    metadata[name] = value;
    size += Buffer.byteLength(name) + Buffer.byteLength(value);
  }
  if (size > MAX_METADATA_BYTES) {
    throw new AwsError('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size', {
      extra: { Size: String(size), MaxSizeAllowed: String(MAX_METADATA_BYTES) },
    });
  }
  return metadata;
}

export function storageClassOf(input: Shaped): string {
  const requested = input.StorageClass as string | undefined;
  if (requested === undefined) return 'STANDARD';
  if (!STORAGE_CLASSES.has(requested)) {
    throw new AwsError('InvalidStorageClass', 'The storage class you specified is not valid', {
      extra: { StorageClassRequested: requested },
    });
  }
  return requested;
}

/**
 * Who owns the new object and the ACL it starts with (S3 UG, "Controlling ownership of objects"): the bucket owner
 * under BucketOwnerEnforced, and under BucketOwnerPreferred when the writer grants bucket-owner-full-control;
 * otherwise the writing account. ACLs are stored only while the bucket's ACLs are enabled.
 */
export function ownershipOf(
  call: CallContext,
  input: Shaped,
  bucket: BucketRecord,
  resource: string,
): { readonly owner: ObjectOwner; readonly acl: StoredAcl | undefined } {
  const bucketOwner: ObjectOwner = { account: bucket.owner, canonicalId: bucket.ownerCanonicalId };
  const { account, principal } = call.caller;
  const writer: ObjectOwner | undefined =
    account === undefined || principal.canonicalUserId === undefined
      ? undefined
      : { account, canonicalId: principal.canonicalUserId };
  const ownership = bucket.objectOwnership;
  const ownerTakes =
    writer === undefined ||
    ownership === 'BucketOwnerEnforced' ||
    (ownership === 'BucketOwnerPreferred' && input.ACL === 'bucket-owner-full-control');
  const owner = ownerTakes ? bucketOwner : writer;
  const requested = requestedAcl(call, input, 'object', owner.canonicalId, bucket.ownerCanonicalId);
  if (requested !== undefined) checkAclAccepted(call, bucket, requested, 's3:PutObject', resource);
  if (!bucket.aclsEnabled) return { owner, acl: undefined };
  return { owner, acl: requested ?? cannedAcl('private' satisfies CannedAcl, owner.canonicalId) };
}
