// Bucket tag validation, as S3 answers it (PutBucketTagging and CreateBucket's tags).
import { AwsError } from '../../../../core/aws-error.js';
import { isTagText } from '../object/object-tags.js';

export type Tag = { readonly Key: string; readonly Value: string };

const MAX_TAGS = 50;

/** @throws AwsError `InvalidTag` (400) / `BadRequest` for more than 50 tags. */
export function checkBucketTags(tags: readonly Tag[]): void {
  if (tags.length > MAX_TAGS) throw new AwsError('BadRequest', 'Bucket tag count cannot be greater than 50');
  const seen = new Set<string>();
  for (const { Key, Value } of tags) {
    if (Key.length === 0 || Key.length > 128 || !isTagText(Key)) {
      throw invalidTag('The TagKey you have provided is invalid');
    }
    if (Value.length > 256 || !isTagText(Value)) throw invalidTag('The TagValue you have provided is invalid');
    if (Key.toLowerCase().startsWith('aws:')) throw invalidTag('System tags cannot be added/updated by requester');
    if (seen.has(Key)) throw invalidTag('Cannot provide multiple Tags with the same key');
    seen.add(Key);
  }
}

export function invalidTag(message: string): AwsError {
  return new AwsError('InvalidTag', message);
}
