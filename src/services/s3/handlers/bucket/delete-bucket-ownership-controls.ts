// DeleteBucketOwnershipControls: no setting any more, so ACLs count and writers own their objects.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { BucketStore } from '../../repos/buckets.js';

export function deleteBucketOwnershipControls(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  BucketStore.of(call.deps.storage.db).update(bucket.name, { objectOwnership: undefined });
  return {};
}
