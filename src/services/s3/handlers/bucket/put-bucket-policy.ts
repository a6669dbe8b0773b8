// PutBucketPolicy: a valid policy for this bucket (only the owner's account may put one), refused when public under
// BlockPublicPolicy; stored with the unique ids of the IAM users and roles it names.
import type { Shaped } from '../../../../protocol/index.js';
import { principalIds } from '../../../bound-principals.js';
import type { CallContext } from '../../../types.js';
import { checkBucketPolicy } from '../../authorization/bucket-policy-validation.js';
import { bucketView } from '../../authorization/bucket-view.js';
import { BLOCKED_PUBLIC_POLICY, publicAccessBlocked } from '../../authorization/denial.js';
import { isPublicPolicy } from '../../authorization/public-policy.js';
import { BucketStore } from '../../repos/buckets.js';
import { ownedBucket } from './bucket-policy-owner.js';

export function putBucketPolicy(input: Shaped, call: CallContext): Shaped {
  const bucket = ownedBucket(input, call, 'PUT');
  const text = input.Policy as string;
  const db = call.deps.storage.db;
  const principals = principalIds(call.deps);
  const { document, principalIds: ids } = checkBucketPolicy(db, bucket.arn, text, principals);
  if (isPublicPolicy(document) && bucketView(call.deps, bucket).block.blockPublicPolicy) {
    throw publicAccessBlocked(call, bucket.owner, 's3:PutBucketPolicy', bucket.arn, BLOCKED_PUBLIC_POLICY);
  }
  BucketStore.of(db).putConfigs(bucket.name, { policy: text, policyPrincipalIds: ids });
  return {};
}
