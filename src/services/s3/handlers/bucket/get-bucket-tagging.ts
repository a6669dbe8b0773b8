// GetBucketTagging: the tag set, or NoSuchTagSet (404).
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { configurationNotFound } from './bucket-errors.js';

export function getBucketTagging(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const tags = bucket.configs.tags;
  if (tags === undefined || tags.length === 0) {
    throw configurationNotFound('NoSuchTagSet', 'The TagSet does not exist', bucket.name);
  }
  return { TagSet: tags };
}
