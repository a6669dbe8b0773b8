// Resource-based policies name IAM users and roles by ARN, but AWS binds each of them to the unique id it has when
// the policy (or KMS grant) is saved: when that user or role is deleted, the policy shows and matches only the old
// id (AIDA.../AROA...), so a new principal re-created under the same name inherits nothing (IAM UG, Principal
// element; Knowledge Center "iam-resource-policy-format"). One mechanism for every such document (role trust
// policies, KMS key policies and grants, S3 bucket policies): the text is kept as given together with the ids its
// ARNs resolved to, and an ARN whose principal no longer has that id is shown and evaluated as the id.
import type { PolicyDocument } from '../policy/index.js';
import type { ServiceDeps } from './types.js';

/** User or role ARN as saved → the unique id it resolved to then. */
export type PrincipalIds = Readonly<Record<string, string>>;

/** Who answers which user or role an ARN names now: IAM, through the directory for other services. */
export interface PrincipalIdLookup {
  /** The unique id of the IAM user or role the ARN names (path included), in any account; undefined: none. */
  principalId(arn: string): string | undefined;
  /** Changes with every IAM write: an answer of `principalId` holds while it does not. */
  readonly generation: number;
}

/** Without an IAM service nobody exists, and nothing changes. */
const NO_IAM: PrincipalIdLookup = { principalId: () => undefined, generation: 0 };

/** IAM's answers through the directory (any account's users and roles), as other services ask them. */
export function principalIds(deps: ServiceDeps): PrincipalIdLookup {
  try {
    return deps.directory.identities;
  } catch {
    return NO_IAM;
  }
}

const USER_OR_ROLE_ARN = /^arn:aws:iam::\d{12}:(?:user|role)\/(?:.*\/)?[^/]+$/;

/** Whether a principal value is the ARN of an IAM user or role (the principals AWS binds to unique ids). */
export function isUserOrRoleArn(value: string): boolean {
  return USER_OR_ROLE_ARN.test(value);
}

/** The AWS principal values of a document's Principal and NotPrincipal elements. */
export function awsPrincipalValues(document: PolicyDocument): string[] {
  return document.statements.flatMap((s) => [...(s.principal?.aws ?? []), ...(s.notPrincipal?.aws ?? [])]);
}

export interface Binding {
  readonly ids: PrincipalIds;
  /** User and role ARNs that name nobody now (callers refuse the document). */
  readonly unknown: readonly string[];
}

/** Binds the user and role ARNs among `values` to the ids they name now; other values are not bound. */
export function bindPrincipals(values: Iterable<string>, lookup: PrincipalIdLookup): Binding {
  const ids: Record<string, string> = {};
  const unknown: string[] = [];
  for (const value of values) {
    if (!isUserOrRoleArn(value) || value in ids) continue;
    const id = lookup.principalId(value);
    if (id === undefined) unknown.push(value);
    else ids[value] = id;
  }
  return { ids, unknown };
}

/** The bound ARNs whose principal was deleted (or re-created: another id), each with the id it was bound to. */
export function stalePrincipals(ids: PrincipalIds, lookup: PrincipalIdLookup): ReadonlyMap<string, string> {
  const stale = new Map<string, string>();
  for (const [arn, id] of Object.entries(ids)) if (lookup.principalId(arn) !== id) stale.set(arn, id);
  return stale;
}

/** One principal value (a grantee) as it stands now: its old id when its principal is gone. */
export function boundValue(value: string, ids: PrincipalIds, lookup: PrincipalIdLookup): string {
  const id = ids[value];
  return id === undefined || lookup.principalId(value) === id ? value : id;
}

/**
 * The policy text as it stands now: unchanged while every bound principal still has its id, otherwise with each
 * stale ARN in a Principal or NotPrincipal `AWS` element replaced by its id (re-serialized compactly).
 */
export function boundPolicyText(text: string, ids: PrincipalIds, lookup: PrincipalIdLookup): string {
  const stale = stalePrincipals(ids, lookup);
  if (stale.size === 0) return text;
  const document = JSON.parse(text) as { Statement?: unknown };
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  const swap = (v: unknown) => (typeof v === 'string' ? (stale.get(v) ?? v) : v);
  for (const statement of statements as Record<string, unknown>[]) {
    for (const element of ['Principal', 'NotPrincipal']) {
      const principal = statement?.[element] as { AWS?: unknown } | undefined;
      if (principal === null || typeof principal !== 'object' || principal.AWS === undefined) continue;
      principal.AWS = Array.isArray(principal.AWS) ? principal.AWS.map(swap) : swap(principal.AWS);
    }
  }
  return JSON.stringify(document);
}

/**
 * A bound policy's current text for caches of what is derived from it (compiled policies): `current` costs one
 * number compare while IAM is unchanged, and after an IAM write re-resolves only the principals the policy names.
 */
export class BoundPolicy {
  private generation: number;
  private effective: string;

  constructor(
    readonly text: string,
    readonly ids: PrincipalIds,
    lookup: PrincipalIdLookup,
  ) {
    this.generation = lookup.generation;
    this.effective = boundPolicyText(text, ids, lookup);
  }

  /** The text to evaluate now. */
  get value(): string {
    return this.effective;
  }

  /**
   * Whether `value` is still what `text` bound to `ids` evaluates as: false when the document or its binding was
   * saved again, or a principal it names was deleted or re-created since.
   */
  holds(text: string, ids: PrincipalIds, lookup: PrincipalIdLookup): boolean {
    if (text !== this.text || !sameIds(ids, this.ids)) return false;
    const generation = lookup.generation;
    if (generation === this.generation) return true;
    if (boundPolicyText(text, ids, lookup) !== this.effective) return false;
    this.generation = generation;
    return true;
  }
}

function sameIds(a: PrincipalIds, b: PrincipalIds): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
