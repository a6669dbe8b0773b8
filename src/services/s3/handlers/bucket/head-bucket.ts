// HeadBucket: whether the bucket exists and the caller may list it, and where it lives.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';

export function headBucket(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  return { BucketRegion: bucket.region, BucketArn: bucket.arn, AccessPointAlias: false };
}
