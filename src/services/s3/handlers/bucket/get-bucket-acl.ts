// GetBucketAcl: with ACLs disabled only the owner's FULL_CONTROL; under IgnorePublicAcls the grants in force.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { aclOutput, cannedAcl } from '../../authorization/acl.js';
import { bucketView, effectiveAcl } from '../../authorization/bucket-view.js';
import { requireBucket } from '../../authorization/s3-target.js';

export function getBucketAcl(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const view = bucketView(call.deps, bucket);
  return aclOutput(effectiveAcl(bucket.acl, bucket, view.block) ?? cannedAcl('private', bucket.ownerCanonicalId));
}
