// ListMultipartUploads: uploads in progress by key and then initiation time, with prefix, delimiter and the
// key-marker/upload-id-marker pair.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { AuthorizationTarget, CallContext } from '../../../types.js';
import { requireBucket, s3Target } from '../../authorization/s3-target.js';
import { findUpload, listUploads } from '../../repos/multipart-uploads.js';
import { listingParams, ownerOutput } from './listing-params.js';
import { initiatorOutput } from './multipart-common.js';

export function listMultipartUploadsTarget(input: Shaped, call: CallContext): AuthorizationTarget {
  const bucket = requireBucket(call, input.Bucket as string);
  return s3Target(call, { action: 's3:ListBucketMultipartUploads', bucket });
}

export function listMultipartUploads(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const params = listingParams(input, 'MaxUploads', 'max-uploads');
  const keyMarker = (input.KeyMarker as string | undefined) ?? '';
  // Without a key marker S3 ignores the upload id marker.
  const uploadIdMarker = keyMarker === '' ? undefined : (input.UploadIdMarker as string | undefined);
  if (uploadIdMarker !== undefined && findUpload(call.deps.storage.db, uploadIdMarker)?.key !== keyMarker) {
    throw new AwsError('InvalidArgument', 'Invalid uploadId marker', {
      extra: { ArgumentName: 'upload-id-marker', ArgumentValue: uploadIdMarker },
    });
  }
  const page = listUploads(call.deps.storage.db, bucket.name, keyMarker, uploadIdMarker, params);
  const uploads = page.items.flatMap((item) => (item.row === undefined ? [] : [item.row]));
  const prefixes = page.items.flatMap((item) =>
    item.commonPrefix === undefined ? [] : [{ Prefix: params.encode(item.commonPrefix) }],
  );
  const last = uploads.at(-1);
  return {
    Bucket: bucket.name,
    KeyMarker: params.encode(keyMarker),
    UploadIdMarker: uploadIdMarker ?? '',
    NextKeyMarker: last === undefined ? '' : params.encode(last.key),
    NextUploadIdMarker: last?.uploadId ?? '',
    Prefix: params.prefix === '' ? undefined : params.encode(params.prefix),
    Delimiter: params.delimiter === undefined ? undefined : params.encode(params.delimiter),
    MaxUploads: params.maxKeys,
    EncodingType: params.encodingType,
    IsTruncated: page.truncated,
    Uploads: uploads.map((upload) => ({
      UploadId: upload.uploadId,
      Key: params.encode(upload.key),
      Initiated: new Date(upload.initiated),
      StorageClass: upload.storageClass,
      Owner: ownerOutput(upload.owner),
      Initiator: initiatorOutput(upload.initiator),
      ChecksumAlgorithm: upload.checksumAlgorithm,
      ChecksumType: upload.checksumType,
    })),
    CommonPrefixes: prefixes.length > 0 ? prefixes : undefined,
  };
}
