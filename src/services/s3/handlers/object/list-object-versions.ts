// ListObjectVersions: every version and delete marker, by key and then newest first, paged by key-marker and
// version-id-marker.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { AuthorizationTarget, CallContext } from '../../../types.js';
import { requireBucket, s3Target } from '../../authorization/s3-target.js';
import { type ListedVersion, listVersions, versionRowId } from '../../repos/object-listing.js';
import { type ListingParams, listingContext, listingParams, ownerOutput } from './listing-params.js';

export function listObjectVersionsTarget(input: Shaped, call: CallContext): AuthorizationTarget {
  const bucket = requireBucket(call, input.Bucket as string);
  return s3Target(call, { action: 's3:ListBucketVersions', bucket, context: listingContext(input) });
}

export function listObjectVersions(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const params = listingParams(input);
  const keyMarker = (input.KeyMarker as string | undefined) ?? '';
  const versionIdMarker = input.VersionIdMarker as string | undefined;
  const afterId = versionMarkerRow(call, bucket.name, keyMarker, versionIdMarker);
  const page = listVersions(call.deps.storage.db, bucket.name, keyMarker, afterId, params);
  const versions: Shaped[] = [];
  const markers: Shaped[] = [];
  const prefixes: Shaped[] = [];
  for (const item of page.items) {
    if (item.commonPrefix !== undefined) prefixes.push({ Prefix: params.encode(item.commonPrefix) });
    else if (item.row?.deleteMarker) markers.push(markerEntry(item.row, params));
    else if (item.row) versions.push(versionEntry(item.row, params));
  }
  const last = page.items.at(-1);
  return {
    Name: bucket.name,
    Prefix: params.encode(params.prefix),
    KeyMarker: params.encode(keyMarker),
    VersionIdMarker: versionIdMarker ?? '',
    NextKeyMarker: page.truncated && last ? params.encode(last.commonPrefix ?? last.row?.key ?? '') : undefined,
    NextVersionIdMarker: page.truncated ? last?.row?.versionId : undefined,
    MaxKeys: params.maxKeys,
    Delimiter: params.delimiter === undefined ? undefined : params.encode(params.delimiter),
    EncodingType: params.encodingType,
    IsTruncated: page.truncated,
    Versions: versions.length > 0 ? versions : undefined,
    DeleteMarkers: markers.length > 0 ? markers : undefined,
    CommonPrefixes: prefixes.length > 0 ? prefixes : undefined,
  };
}

function versionMarkerRow(
  call: CallContext,
  bucket: string,
  keyMarker: string,
  versionIdMarker: string | undefined,
): number | undefined {
  if (versionIdMarker === undefined) return undefined;
  if (keyMarker === '') {
    throw new AwsError('InvalidArgument', 'A version-id marker cannot be specified without a key marker.', {
      extra: { ArgumentName: 'version-id-marker', ArgumentValue: versionIdMarker },
    });
  }
  const id = versionRowId(call.deps.storage.db, bucket, keyMarker, versionIdMarker);
  if (id === undefined) {
    throw new AwsError('InvalidArgument', 'Invalid version id specified', {
      extra: { ArgumentName: 'version-id-marker', ArgumentValue: versionIdMarker },
    });
  }
  return id;
}

function versionEntry(row: ListedVersion, params: ListingParams): Shaped {
  return {
    ETag: `"${row.etag}"`,
    ChecksumAlgorithm: row.checksum ? [row.checksum.algorithm] : undefined,
    ChecksumType: row.checksum?.type,
    Size: row.size,
    StorageClass: row.storageClass,
    Key: params.encode(row.key),
    VersionId: row.versionId,
    IsLatest: row.isLatest,
    LastModified: new Date(row.lastModified),
    Owner: ownerOutput(row.owner),
  };
}

function markerEntry(row: ListedVersion, params: ListingParams): Shaped {
  return {
    Owner: ownerOutput(row.owner),
    Key: params.encode(row.key),
    VersionId: row.versionId,
    IsLatest: row.isLatest,
    LastModified: new Date(row.lastModified),
  };
}
