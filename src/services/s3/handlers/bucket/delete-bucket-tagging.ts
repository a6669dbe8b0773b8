// DeleteBucketTagging: removes the tag set.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { BucketStore } from '../../repos/buckets.js';

export function deleteBucketTagging(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  BucketStore.of(call.deps.storage.db).putConfig(bucket.name, 'tags', undefined);
  return {};
}
