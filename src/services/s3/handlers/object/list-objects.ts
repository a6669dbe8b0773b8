// ListObjects (v1: marker) and ListObjectsV2 (continuation-token, start-after, fetch-owner, KeyCount): a bucket's
// current objects in key order, keys sharing a delimited prefix rolled into CommonPrefixes.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { AuthorizationTarget, CallContext } from '../../../types.js';
import { requireBucket, s3Target } from '../../authorization/s3-target.js';
import type { WalkResult } from '../../repos/listing-walk.js';
import { type ListedVersion, listCurrentObjects } from '../../repos/object-listing.js';
import { type ListingParams, listingContext, listingParams, ownerOutput } from './listing-params.js';

export function listObjectsTarget(input: Shaped, call: CallContext): AuthorizationTarget {
  const bucket = requireBucket(call, input.Bucket as string);
  return s3Target(call, { action: 's3:ListBucket', bucket, context: listingContext(input) });
}

export function listObjects(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const params = listingParams(input);
  const marker = (input.Marker as string | undefined) ?? '';
  const page = listCurrentObjects(call.deps.storage.db, bucket.name, marker, params);
  const last = page.items.at(-1);
  return {
    ...pageOutput(bucket.name, params, page, true),
    Marker: params.encode(marker),
    NextMarker:
      page.truncated && params.delimiter !== undefined && last !== undefined
        ? params.encode(last.commonPrefix ?? last.row?.key ?? '')
        : undefined,
  };
}

export function listObjectsV2(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const params = listingParams(input);
  const token = input.ContinuationToken as string | undefined;
  const startAfter = input.StartAfter as string | undefined;
  const start = token === undefined ? (startAfter ?? '') : decodeToken(token);
  const page = listCurrentObjects(call.deps.storage.db, bucket.name, start, params);
  const last = page.items.at(-1);
  return {
    ...pageOutput(bucket.name, params, page, input.FetchOwner === true),
    KeyCount: page.items.length,
    ContinuationToken: token,
    StartAfter: startAfter === undefined ? undefined : params.encode(startAfter),
    NextContinuationToken:
      page.truncated && last !== undefined ? encodeToken(last.commonPrefix ?? last.row?.key ?? '') : undefined,
  };
}

function pageOutput(name: string, params: ListingParams, page: WalkResult<ListedVersion>, withOwner: boolean): Shaped {
  const contents = page.items.flatMap((item) => (item.row ? [objectEntry(item.row, params, withOwner)] : []));
  const prefixes = page.items.flatMap((item) =>
    item.commonPrefix === undefined ? [] : [{ Prefix: params.encode(item.commonPrefix) }],
  );
  return {
    Name: name,
    Prefix: params.encode(params.prefix),
    Delimiter: params.delimiter === undefined ? undefined : params.encode(params.delimiter),
    MaxKeys: params.maxKeys,
    EncodingType: params.encodingType,
    IsTruncated: page.truncated,
    Contents: contents.length > 0 ? contents : undefined,
    CommonPrefixes: prefixes.length > 0 ? prefixes : undefined,
  };
}

function objectEntry(row: ListedVersion, params: ListingParams, withOwner: boolean): Shaped {
  return {
    Key: params.encode(row.key),
    LastModified: new Date(row.lastModified),
    ETag: `"${row.etag}"`,
    ChecksumAlgorithm: row.checksum ? [row.checksum.algorithm] : undefined,
    ChecksumType: row.checksum?.type,
    Size: row.size,
    StorageClass: row.storageClass,
    Owner: withOwner ? ownerOutput(row.owner) : undefined,
  };
}

const TOKEN_PREFIX = 'xacct1:';

/** Continuation tokens are opaque to clients: the position after which the next page starts. */
function encodeToken(position: string): string {
  return Buffer.from(TOKEN_PREFIX + position).toString('base64');
}

function decodeToken(token: string): string {
  const text = Buffer.from(token, 'base64').toString('utf8');
  if (!text.startsWith(TOKEN_PREFIX) || Buffer.from(text).toString('base64') !== token) {
    throw new AwsError('InvalidArgument', 'The continuation token provided is incorrect', {
      extra: { ArgumentName: 'continuation-token', ArgumentValue: token },
    });
  }
  return text.slice(TOKEN_PREFIX.length);
}
