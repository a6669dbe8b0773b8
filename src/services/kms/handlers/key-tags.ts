// TagResource, UntagResource and ListResourceTags: the tags of a key (which ABAC policies read as aws:ResourceTag).
import { AwsError } from '../../../core/aws-error.js';
import type { KeyHandler } from '../key-operation.js';
import { requireNotPendingDeletion } from '../key-resolver.js';
import { paginate } from '../paginate.js';
import type { KeyTag } from '../repos/key-tags.js';

/** Tag keys starting `aws:` belong to AWS. */
export function checkTags(tags: readonly KeyTag[]): void {
  const reserved = tags.find((t) => t.TagKey.toLowerCase().startsWith('aws:'));
  if (reserved !== undefined) throw new AwsError('TagException', 'Tags beginning with aws: are reserved');
}

export const tagResource: KeyHandler = (input, _call, { key }, env) => {
  const tags = input.Tags as KeyTag[];
  checkTags(tags);
  requireNotPendingDeletion(key);
  env.store.tags.put(key.id, tags);
  return {};
};

export const untagResource: KeyHandler = (input, _call, { key }, env) => {
  requireNotPendingDeletion(key);
  env.store.tags.remove(key.id, input.TagKeys as string[]);
  return {};
};

export const listResourceTags: KeyHandler = (input, _call, { key }, env) => {
  const page = paginate(env.store.tags.list(key.id), input, 50);
  return { Tags: page.items, Truncated: page.truncated, NextMarker: page.nextMarker };
};
