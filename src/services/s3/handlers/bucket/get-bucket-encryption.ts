// GetBucketEncryption: SSE-S3 (AES256) unless configured otherwise, as for every bucket since January 2023.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';

export function getBucketEncryption(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const encryption = bucket.configs.encryption;
  const byDefault: Shaped = { SSEAlgorithm: encryption?.algorithm ?? 'AES256' };
  if (encryption?.kmsKeyId !== undefined) byDefault.KMSMasterKeyID = encryption.kmsKeyId;
  return {
    ServerSideEncryptionConfiguration: {
      Rules: [
        { ApplyServerSideEncryptionByDefault: byDefault, BucketKeyEnabled: encryption?.bucketKeyEnabled ?? false },
      ],
    },
  };
}
