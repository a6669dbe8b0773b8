// GetObjectAttributes: an object's ETag, checksum, parts, storage class and size without its body; needs
// s3:GetObject and s3:GetObjectAttributes (or their Version forms).
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { ObjectVersion } from '../../repos/object-types.js';
import { GET_OBJECT_ACTIONS } from './get-object.js';
import { authorizeObject } from './object-access.js';

const ATTRIBUTES: ReadonlySet<string> = new Set(['ETag', 'Checksum', 'ObjectParts', 'StorageClass', 'ObjectSize']);
const MAX_PARTS = 1000;

export function getObjectAttributes(input: Shaped, call: CallContext): Shaped {
  const requested = ((input.ObjectAttributes as string[] | undefined) ?? []).filter((a) => a !== '');
  if (requested.length === 0 || requested.some((a) => !ATTRIBUTES.has(a))) {
    throw new AwsError('InvalidArgument', 'Invalid attribute name specified.', {
      extra: { ArgumentName: 'x-amz-object-attributes', ArgumentValue: requested.join(',') },
    });
  }
  const { bucket, version } = authorizeObject(call, input, [
    GET_OBJECT_ACTIONS,
    { current: 's3:GetObjectAttributes', version: 's3:GetObjectVersionAttributes' },
  ]);
  const wants = new Set(requested);
  return {
    LastModified: new Date(version.lastModified),
    VersionId: bucket.versioning === undefined ? undefined : version.versionId,
    ETag: wants.has('ETag') ? version.etag : undefined,
    Checksum: wants.has('Checksum') && version.checksum ? checksumOf(version) : undefined,
    ObjectParts: wants.has('ObjectParts') && version.parts ? partsOf(input, version) : undefined,
    StorageClass: wants.has('StorageClass') ? version.storageClass : undefined,
    ObjectSize: wants.has('ObjectSize') ? version.size : undefined,
  };
}

/** A COMPOSITE checksum is reported without its `-<parts>` suffix. */
function checksumOf(version: ObjectVersion): Shaped | undefined {
  const checksum = version.checksum;
  if (checksum === undefined) return undefined;
  return { [`Checksum${checksum.algorithm}`]: checksum.value.replace(/-\d+$/, ''), ChecksumType: checksum.type };
}

function partsOf(input: Shaped, version: ObjectVersion): Shaped {
  const parts = version.parts ?? [];
  const marker = (input.PartNumberMarker as number | undefined) ?? 0;
  const maxParts = Math.min((input.MaxParts as number | undefined) ?? MAX_PARTS, MAX_PARTS);
  const page = parts.slice(marker, marker + maxParts).map((part, i) => ({
    PartNumber: marker + i + 1,
    Size: part.size,
    ...(part.checksum === undefined || version.checksum === undefined
      ? {}
      : { [`Checksum${version.checksum.algorithm}`]: part.checksum }),
  }));
  return {
    TotalPartsCount: parts.length,
    PartNumberMarker: marker,
    NextPartNumberMarker: marker + page.length,
    MaxParts: maxParts,
    IsTruncated: marker + page.length < parts.length,
    Parts: page,
  };
}
