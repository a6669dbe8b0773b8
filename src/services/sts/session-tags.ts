// Session tags (IAM UG, "Passing session tags in AWS STS"): the tags a request passes, the transitive tags a role
// session hands on to the next session in a chain, and the condition keys both put in the request context.
// Tag keys compare case-insensitively everywhere.
import type { ContextScalar } from '../../policy/index.js';
import type { Caller } from '../types.js';
import { invalidParameterValue } from './errors.js';

export interface TagInput {
  readonly Key: string;
  readonly Value: string;
}

export interface SessionTags {
  /** The tags this request passes, keys as given. */
  readonly passed: Readonly<Record<string, string>>;
  /** The keys this request marks transitive. */
  readonly passedTransitiveKeys: readonly string[];
  /** Transitive tags of the calling role session, which the new session inherits. */
  readonly inherited: Readonly<Record<string, string>>;
  /** The new session's tags: inherited transitive tags and the passed ones. */
  readonly tags: Readonly<Record<string, string>>;
  /** The new session's transitive keys: inherited and passed. */
  readonly transitiveTagKeys: readonly string[];
}

/** `caller` is the session the new one is chained from, if any; only role sessions hand on transitive tags. */
export function readSessionTags(
  tags: readonly TagInput[] | undefined,
  transitiveKeys: readonly string[] | undefined,
  caller: Caller | undefined,
): SessionTags {
  const passed: Record<string, string> = {};
  const seen = new Set<string>();
  for (const tag of tags ?? []) {
    const lower = tag.Key.toLowerCase();
    if (seen.has(lower)) {
      throw invalidParameterValue('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    }
    seen.add(lower);
    passed[tag.Key] = tag.Value;
  }
  const passedTransitiveKeys = transitiveKeys ?? [];
  if (passedTransitiveKeys.some((key) => !seen.has(key.toLowerCase()))) {
    throw invalidParameterValue('The specified transitive tag key must be included in the requested tags.');
  }
  const inherited = inheritedTransitiveTags(caller);
  if (Object.keys(inherited).some((key) => seen.has(key.toLowerCase()))) {
    throw invalidParameterValue(
      "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
    );
  }
  return {
    passed,
    passedTransitiveKeys,
    inherited,
    tags: { ...inherited, ...passed },
    transitiveTagKeys: [...Object.keys(inherited), ...passedTransitiveKeys],
  };
}

/** Whether the request carries session tags at all, which the role must allow with sts:TagSession. */
export function carriesTags(tags: SessionTags): boolean {
  return Object.keys(tags.tags).length > 0;
}

function inheritedTransitiveTags(caller: Caller | undefined): Record<string, string> {
  const session = caller?.session;
  if (caller?.kind !== 'role-session' || session === undefined) return {};
  const byLower = new Map(Object.entries(session.tags).map(([k, v]) => [k.toLowerCase(), [k, v] as const]));
  const out: Record<string, string> = {};
  for (const key of session.transitiveTagKeys) {
    const entry = byLower.get(key.toLowerCase());
    if (entry !== undefined) out[entry[0]] = entry[1];
  }
  return out;
}

/**
 * The tag keys of a request that creates a session: `aws:RequestTag/k` and `aws:TagKeys` for the tags passed,
 * `sts:TransitiveTagKeys` for the keys marked transitive, and `aws:ResourceTag/k` for the role's tags, which inherited
 * transitive tags replace while the next role's trust policy is evaluated.
 */
export function sessionTagContext(
  tags: SessionTags,
  resourceTags: Readonly<Record<string, string>>,
): Record<string, ContextScalar | readonly ContextScalar[]> {
  const context = requestTagContext(tags.passed);
  if (tags.passedTransitiveKeys.length > 0) context['sts:TransitiveTagKeys'] = tags.passedTransitiveKeys;
  const resource = new Map<string, [string, string]>();
  for (const [k, v] of Object.entries(resourceTags)) resource.set(k.toLowerCase(), [k, v]);
  for (const [k, v] of Object.entries(tags.inherited)) resource.set(k.toLowerCase(), [k, v]);
  for (const [k, v] of resource.values()) context[`aws:ResourceTag/${k}`] = v;
  return context;
}

/** `aws:RequestTag/k` and `aws:TagKeys` for the tags a request passes. */
export function requestTagContext(
  tags: Readonly<Record<string, string>>,
): Record<string, ContextScalar | readonly ContextScalar[]> {
  const keys = Object.keys(tags);
  const context: Record<string, ContextScalar | readonly ContextScalar[]> = {};
  for (const key of keys) context[`aws:RequestTag/${key}`] = tags[key]!;
  if (keys.length > 0) context['aws:TagKeys'] = keys;
  return context;
}
