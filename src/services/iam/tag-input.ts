// Tags as IAM requests carry them: keys unique ignoring case, at most 50 per resource.
import { invalidInput, limitExceeded } from './errors.js';
import type { IamContext } from './iam-context.js';
import type { Tag } from './repos/tags.js';

export const MAX_TAGS = 50;

/** The request's tags, checked for duplicate keys; an absent list is no tags. */
export function requestTags(input: unknown): Tag[] {
  const tags = Array.isArray(input) ? (input as Tag[]) : [];
  const seen = new Set<string>();
  for (const tag of tags) {
    const key = tag.Key.toLowerCase();
    if (seen.has(key)) throw invalidInput('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    seen.add(key);
  }
  return tags;
}

/** Refuses tags that would take the resource past the quota, counting keys it already has once. */
export function checkTagQuota(iam: IamContext, resourceType: string, resourceId: string, tags: readonly Tag[]): void {
  const keys = new Set(iam.tags.list(resourceType, resourceId).map((t) => t.Key.toLowerCase()));
  for (const tag of tags) keys.add(tag.Key.toLowerCase());
  if (keys.size > MAX_TAGS) throw limitExceeded('The number of tags has reached the maximum limit.');
}
