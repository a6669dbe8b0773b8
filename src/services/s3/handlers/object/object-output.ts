// The headers GET and HEAD answer for an object version: entity (ETag, Last-Modified, Content-*), user metadata,
// version, encryption, storage class, tag and part counts, the stored checksum when asked for, and the
// `response-*` overrides of signed requests.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { BucketRecord } from '../../repos/buckets.js';
import type { ObjectVersion } from '../../repos/object-types.js';
import { encryptionOutput } from '../../sse/object-encryption.js';

const OVERRIDES: readonly (readonly [string, string])[] = [
  ['ResponseContentType', 'ContentType'],
  ['ResponseContentLanguage', 'ContentLanguage'],
  ['ResponseExpires', 'Expires'],
  ['ResponseCacheControl', 'CacheControl'],
  ['ResponseContentDisposition', 'ContentDisposition'],
  ['ResponseContentEncoding', 'ContentEncoding'],
];

/** `checksumMode` is the request's x-amz-checksum-mode; the stored checksum describes only whole-object reads. */
export function objectHeaders(
  bucket: BucketRecord,
  version: ObjectVersion,
  checksumMode: unknown,
  whole = true,
): Shaped {
  const out: Shaped = {
    AcceptRanges: 'bytes',
    ETag: `"${version.etag}"`,
    LastModified: new Date(version.lastModified),
    ContentLength: version.size,
    ...version.headers,
  };
  if (Object.keys(version.metadata).length > 0) out.Metadata = version.metadata;
  if (bucket.versioning !== undefined) out.VersionId = version.versionId;
  if (version.sse !== undefined) Object.assign(out, encryptionOutput(version.sse, version.kms));
  // S3 names the storage class only when it is not STANDARD.
  if (version.storageClass !== 'STANDARD') out.StorageClass = version.storageClass;
  if (version.tags.length > 0) out.TagCount = version.tags.length;
  if (whole && typeof checksumMode === 'string' && checksumMode.toUpperCase() === 'ENABLED' && version.checksum) {
    const { algorithm, value, type } = version.checksum;
    out[`Checksum${algorithm}`] = value;
    out.ChecksumType = type;
  }
  return out;
}

/**
 * The `response-*` query overrides. S3 refuses them on anonymous requests, which could otherwise make a public
 * object answer with any headers a link's author chose.
 */
export function responseOverrides(call: CallContext, input: Shaped): Shaped {
  const out: Shaped = {};
  for (const [param, member] of OVERRIDES) {
    const value = input[param];
    if (value === undefined) continue;
    if (call.caller.kind === 'anonymous') {
      throw new AwsError(
        'InvalidRequest',
        'Request specific response headers cannot be used for anonymous GET requests.',
      );
    }
    out[member] = value instanceof Date ? value.toUTCString() : value;
  }
  return out;
}
