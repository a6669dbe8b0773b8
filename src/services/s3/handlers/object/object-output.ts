// The headers GET and HEAD answer for an object version: entity (ETag, Last-Modified, Content-*), user metadata,
// version, encryption, storage class, tag and part counts, the stored checksum when asked for, and the
// `response-*` overrides of signed requests. Every value is one an HTTP header can carry: ISO-8859-1 text.
import { AwsError } from '../../../../core/aws-error.js';
import { isHeaderName, isHeaderValue, spacedHeaderValue } from '../../../../core/header-text.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { BucketRecord } from '../../repos/buckets.js';
import type { ContentHeaders, ObjectVersion } from '../../repos/object-types.js';
import { encryptionOutput } from '../../sse/object-encryption.js';
import { encodeMetadataValue } from './metadata-encoding.js';

/** Input member, output member, and the query parameter S3 names in its errors. */
const OVERRIDES: readonly (readonly [string, string, string])[] = [
  ['ResponseContentType', 'ContentType', 'response-content-type'],
  ['ResponseContentLanguage', 'ContentLanguage', 'response-content-language'],
  ['ResponseExpires', 'Expires', 'response-expires'],
  ['ResponseCacheControl', 'CacheControl', 'response-cache-control'],
  ['ResponseContentDisposition', 'ContentDisposition', 'response-content-disposition'],
  ['ResponseContentEncoding', 'ContentEncoding', 'response-content-encoding'],
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
    ...headerText(version.headers),
  };
  Object.assign(out, metadataHeaders(version.metadata));
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
  for (const [param, member, query] of OVERRIDES) {
    const value = input[param];
    if (value === undefined) continue;
    if (call.caller.kind === 'anonymous') {
      throw new AwsError(
        'InvalidRequest',
        'Request specific response headers cannot be used for anonymous GET requests.',
      );
    }
    const text = value instanceof Date ? value.toUTCString() : String(value);
    if (!isHeaderValue(text)) {
      throw new AwsError('InvalidArgument', 'Header value cannot be represented using ISO-8859-1.', {
        extra: { ArgumentName: query, ArgumentValue: text },
      });
    }
    out[member] = text;
  }
  return out;
}

/**
 * Stored content headers hold the bytes S3 answers (see contentHeaders); the characters of a form field that
 * ISO-8859-1 does not have, and controls, are answered as spaces, as S3 answers them.
 */
function headerText(headers: ContentHeaders): ContentHeaders {
  for (const member in headers) {
    const value = headers[member as keyof ContentHeaders];
    if (value !== undefined && !isHeaderValue(value)) return spaced(headers);
  }
  return headers;
}

function spaced(headers: ContentHeaders): ContentHeaders {
  const out: Record<string, string> = {};
  for (const [member, value] of Object.entries(headers)) {
    if (value !== undefined) out[member] = spacedHeaderValue(value);
  }
  return out;
}

/**
 * User metadata as `x-amz-meta-*` headers, values RFC 2047 encoded when they are not printable US-ASCII. A name no
 * header can have (a form field may give one) is left out and counted in x-amz-missing-meta (GetObject API, MissingMeta).
 */
function metadataHeaders(metadata: Readonly<Record<string, string>>): Shaped {
  const names = Object.keys(metadata);
  if (names.length === 0) return {};
  const headers: Record<string, string> = {};
  let missing = 0;
  for (const name of names) {
    if (isHeaderName(name)) headers[name] = encodeMetadataValue(metadata[name]!);
    else missing++;
  }
  return {
    Metadata: missing === names.length ? undefined : headers,
    MissingMeta: missing > 0 ? missing : undefined,
  };
}
