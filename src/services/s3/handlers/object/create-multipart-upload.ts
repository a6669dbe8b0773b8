// CreateMultipartUpload: authorized like a PutObject; records the new object's attributes and checksum mode, and
// whether the key had an object (a conditional completion needs to know).
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { createUpload, newUploadId } from '../../repos/multipart-uploads.js';
import { currentVersion } from '../../repos/objects.js';
import { sealNewObject } from '../../sse/object-encryption.js';
import { initiatorOf, uploadChecksum } from './multipart-common.js';
import { headerTags, newObjectAttributes } from './put-object.js';

export function createMultipartUpload(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const key = input.Key as string;
  const attributes = newObjectAttributes(call, input, bucket, key, headerTags(input) ?? []);
  const checksum = uploadChecksum(input);
  const current = currentVersion(call.deps.storage.db, bucket.name, key);
  // The upload's data key now (KMS GenerateDataKey); its parts and completion decrypt it (S3 UG, multipart and KMS).
  const encryption = sealNewObject(call, input, bucket, key);
  const uploadId = newUploadId();
  createUpload(call.deps.storage.db, {
    ...attributes,
    kms: encryption.kms,
    uploadId,
    bucket: bucket.name,
    key,
    initiated: call.now,
    initiator: initiatorOf(call),
    checksumAlgorithm: checksum.algorithm,
    checksumType: checksum.type,
    keyExisted: current !== undefined && !current.deleteMarker,
  });
  return {
    Bucket: bucket.name,
    Key: key,
    UploadId: uploadId,
    ...encryption.output,
    ChecksumAlgorithm: checksum.algorithm,
    ChecksumType: checksum.type,
  };
}
