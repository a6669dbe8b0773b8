// ListParts: the parts of one upload in part-number order, paged by part-number-marker.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { listParts as partsAfter } from '../../repos/multipart-uploads.js';
import { openBody } from '../../sse/object-encryption.js';
import { ownerOutput } from './listing-params.js';
import { initiatorOutput, requireUpload } from './multipart-common.js';

const MAX_PARTS = 1000;

export function listParts(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const upload = requireUpload(call, input);
  // Listing the parts of an SSE-KMS upload needs kms:Decrypt (S3 API, ListParts).
  openBody(call, bucket, upload.key, upload.kms);
  const maxParts = pageSize(input.MaxParts as number | undefined);
  const marker = (input.PartNumberMarker as number | undefined) ?? 0;
  const found = partsAfter(call.deps.storage.db, upload.uploadId, marker, maxParts + 1);
  const page = found.slice(0, maxParts);
  const truncated = found.length > maxParts;
  return {
    Bucket: upload.bucket,
    Key: upload.key,
    UploadId: upload.uploadId,
    PartNumberMarker: marker,
    NextPartNumberMarker: page.at(-1)?.partNumber ?? 0,
    MaxParts: maxParts,
    IsTruncated: truncated,
    Parts: page.map((part) => ({
      PartNumber: part.partNumber,
      LastModified: new Date(part.lastModified),
      ETag: `"${part.etag}"`,
      Size: part.size,
      ...(part.checksum === undefined ? {} : { [`Checksum${upload.checksumAlgorithm}`]: part.checksum }),
    })),
    Initiator: initiatorOutput(upload.initiator),
    Owner: ownerOutput(upload.owner),
    StorageClass: upload.storageClass,
    ChecksumAlgorithm: upload.checksumAlgorithm,
    ChecksumType: upload.checksumType,
  };
}

function pageSize(requested: number | undefined): number {
  if (requested === undefined) return MAX_PARTS;
  if (requested < 0) {
    throw new AwsError('InvalidArgument', 'Argument max-parts must be an integer between 0 and 2147483647', {
      extra: { ArgumentName: 'max-parts', ArgumentValue: String(requested) },
    });
  }
  return Math.min(requested, MAX_PARTS);
}
