// GetBucketPolicyStatus: whether the bucket policy is public as Block Public Access defines it.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { bucketView } from '../../authorization/bucket-view.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { noSuchBucketPolicy } from './bucket-policy-owner.js';

export function getBucketPolicyStatus(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const view = bucketView(call.deps, bucket);
  if (view.policy === undefined) throw noSuchBucketPolicy(bucket.name);
  return { PolicyStatus: { IsPublic: view.policyIsPublic } };
}
