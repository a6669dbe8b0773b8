// DeletePublicAccessBlock: removes the bucket's own settings (the account's still apply).
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { BucketStore } from '../../repos/buckets.js';

export function deletePublicAccessBlock(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  BucketStore.of(call.deps.storage.db).putConfig(bucket.name, 'publicAccessBlock', undefined);
  return {};
}
