// What the bucket policy handlers share: only the owner's account manages a bucket policy (other accounts get 405
// even when a policy allows them; the 403 for a denial comes from authorization before), and the missing-policy error.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import type { BucketRecord } from '../../repos/buckets.js';
import { configurationNotFound } from './bucket-errors.js';

/** The bucket, when the caller belongs to its owner's account; 405 MethodNotAllowed otherwise. */
export function ownedBucket(input: Shaped, call: CallContext, method: string): BucketRecord {
  const bucket = requireBucket(call, input.Bucket as string);
  if (call.caller.account !== bucket.owner) {
    throw new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', {
      status: 405,
      extra: { Method: method, ResourceType: 'BUCKETPOLICY' },
    });
  }
  return bucket;
}

export function noSuchBucketPolicy(bucket: string): AwsError {
  return configurationNotFound('NoSuchBucketPolicy', 'The bucket policy does not exist', bucket);
}
