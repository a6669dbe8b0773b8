// PutBucketOwnershipControls: Object Ownership, which decides whether ACLs count at all.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { grantsOnlyOwner } from '../../authorization/acl.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { BucketStore, isObjectOwnership } from '../../repos/buckets.js';
import { malformedXml } from './bucket-errors.js';

export function putBucketOwnershipControls(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const rules = ((input.OwnershipControls as Shaped).Rules as Shaped[] | undefined) ?? [];
  const setting = rules.length === 1 ? rules[0]!.ObjectOwnership : undefined;
  if (!isObjectOwnership(setting)) throw malformedXml();
  // Disabling ACLs is refused while the bucket ACL still grants anyone but the owner.
  if (setting === 'BucketOwnerEnforced' && !grantsOnlyOwner(bucket.acl, bucket.ownerCanonicalId)) {
    throw new AwsError(
      'InvalidBucketAclWithObjectOwnership',
      "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting",
    );
  }
  BucketStore.of(call.deps.storage.db).update(bucket.name, { objectOwnership: setting });
  return {};
}
