// PutBucketTagging: replaces the bucket's tag set.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { BucketStore } from '../../repos/buckets.js';
import { checkBucketTags, type Tag } from './bucket-tags.js';

export function putBucketTagging(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const tags = ((input.Tagging as Shaped).TagSet as Tag[] | undefined) ?? [];
  checkBucketTags(tags);
  BucketStore.of(call.deps.storage.db).putConfig(
    bucket.name,
    'tags',
    tags.map(({ Key, Value }) => ({ Key, Value })),
  );
  return {};
}
