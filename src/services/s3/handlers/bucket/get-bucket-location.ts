// GetBucketLocation: the bucket's region, null for us-east-1 as S3 answers, and `EU` for a bucket created with it.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';

export function getBucketLocation(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string, { anyRegion: true });
  const region = bucket.region === 'us-east-1' ? undefined : bucket.region;
  return { LocationConstraint: bucket.configs.locationConstraint ?? region };
}
