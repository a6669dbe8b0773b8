// DeleteBucketCors: removes the rules; preflight requests are refused afterwards.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { BucketStore } from '../../repos/buckets.js';

export function deleteBucketCors(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  BucketStore.of(call.deps.storage.db).putConfig(bucket.name, 'cors', undefined);
  return {};
}
