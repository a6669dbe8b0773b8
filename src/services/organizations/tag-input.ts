// Tags as requests carry them (`[{Key, Value}]`), checked the way Organizations checks them: unique keys, at most
// 50 on one resource.
import { constraintViolation, invalidInput } from './org-errors.js';
import type { TagRecord } from './store/records.js';

export const MAX_TAGS = 50;

export function readTags(value: unknown): TagRecord[] {
  const tags = Array.isArray(value) ? (value as readonly { Key: string; Value: string }[]) : [];
  const keys = new Set<string>();
  for (const tag of tags) {
    if (keys.has(tag.Key)) throw invalidInput('DUPLICATE_TAG_KEY');
    keys.add(tag.Key);
  }
  if (tags.length > MAX_TAGS) throw constraintViolation('MAX_TAG_LIMIT_EXCEEDED');
  return tags.map((t) => ({ key: t.Key, value: t.Value }));
}

/** The tags a resource would have after `added` are put on it; refused past the limit. */
export function checkTagCount(existing: readonly TagRecord[], added: readonly TagRecord[]): void {
  const keys = new Set(existing.map((t) => t.key));
  for (const tag of added) keys.add(tag.key);
  if (keys.size > MAX_TAGS) throw constraintViolation('MAX_TAG_LIMIT_EXCEEDED');
}
