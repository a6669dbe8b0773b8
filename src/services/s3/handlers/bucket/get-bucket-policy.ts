// GetBucketPolicy: the policy as it was put, or NoSuchBucketPolicy (404); only the owner's account may read it. A user
// or role it names that was deleted since (or deleted and re-created) shows as the unique id the policy was bound to.
import type { Shaped } from '../../../../protocol/index.js';
import { boundPolicyText, principalIds } from '../../../bound-principals.js';
import type { CallContext } from '../../../types.js';
import { noSuchBucketPolicy, ownedBucket } from './bucket-policy-owner.js';

export function getBucketPolicy(input: Shaped, call: CallContext): Shaped {
  const bucket = ownedBucket(input, call, 'GET');
  const policy = bucket.configs.policy;
  if (policy === undefined) throw noSuchBucketPolicy(bucket.name);
  return { Policy: boundPolicyText(policy, bucket.configs.policyPrincipalIds ?? {}, principalIds(call.deps)) };
}
