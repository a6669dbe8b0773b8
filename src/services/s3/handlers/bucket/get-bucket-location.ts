// GetBucketLocation: the bucket's region, null for us-east-1 as S3 answers.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';

export function getBucketLocation(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string, { anyRegion: true });
  return { LocationConstraint: bucket.region === 'us-east-1' ? undefined : bucket.region };
}
