// DeleteBucketPolicy: removes the policy (only the owner's account may).
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { BucketStore } from '../../repos/buckets.js';
import { ownedBucket } from './bucket-policy-owner.js';

export function deleteBucketPolicy(input: Shaped, call: CallContext): Shaped {
  const bucket = ownedBucket(input, call, 'DELETE');
  BucketStore.of(call.deps.storage.db).putConfigs(bucket.name, { policy: undefined, policyPrincipalIds: undefined });
  return {};
}
