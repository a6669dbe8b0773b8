// PutPublicAccessBlock for one bucket; the account-level settings live in S3 Control.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { BucketStore } from '../../repos/buckets.js';
import { toPublicAccessBlock } from './public-access-block-shape.js';

export function putPublicAccessBlock(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const block = toPublicAccessBlock(input.PublicAccessBlockConfiguration as Shaped);
  BucketStore.of(call.deps.storage.db).putConfig(bucket.name, 'publicAccessBlock', block);
  return {};
}
