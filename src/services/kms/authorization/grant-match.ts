// Whether a grant lets a caller perform one grant operation: the grantee is the caller (a user, a role session's
// role, or the exact session), the operation is one the grant lists, and the request's encryption context meets
// the grant's constraints. A grant used to create another grant passes on no more than it holds.
// A user or role grantee is bound to the unique id it had when the grant was made: a caller with the same ARN but
// another id (the principal was deleted and re-created) is not the grantee. The caller's credential carries its id,
// so this costs no lookup.
import type { PrincipalIds } from '../../bound-principals.js';
import type { Caller } from '../../types.js';
import type { EncryptionContext, GrantConstraints, GrantRecord } from '../repos/grants.js';

/** What the caller asks a grant for. */
export interface GrantRequest {
  readonly operation: string;
  /** The encryption context of a cryptographic request; undefined for operations that take none. */
  readonly encryptionContext?: EncryptionContext | undefined;
  /** CreateGrant: the grant the caller wants to create. */
  readonly child?: { readonly operations: readonly string[]; readonly constraints: GrantConstraints | undefined };
}

/** Whether `principal` (a grantee or retiring principal of a grant, bound by `ids`) is the caller. */
export function granteeMatches(principal: string, caller: Caller, ids: PrincipalIds): boolean {
  const p = caller.principal;
  if (principal === p.arn) return boundTo(principal, ids, p.userId ?? p.roleId);
  return p.type === 'AssumedRole' && p.roleArn === principal && boundTo(principal, ids, p.roleId);
}

/** Grants saved before principals were bound (no recorded id) match by ARN alone. */
function boundTo(arn: string, ids: PrincipalIds, callerId: string | undefined): boolean {
  const id = ids[arn];
  return id === undefined || id === callerId;
}

export function grantAllows(grant: GrantRecord, caller: Caller, request: GrantRequest): boolean {
  if (!grant.operations.includes(request.operation)) return false;
  if (!granteeMatches(grant.grantee, caller, grant.principalIds)) return false;
  if (request.child !== undefined) return childWithin(grant, request.child);
  if (request.encryptionContext === undefined) return true;
  return contextMeets(grant.constraints, request.encryptionContext);
}

export function contextMeets(constraints: GrantConstraints | undefined, context: EncryptionContext): boolean {
  const equals = constraints?.EncryptionContextEquals;
  if (equals !== undefined && !sameContext(equals, context)) return false;
  const subset = constraints?.EncryptionContextSubset;
  return subset === undefined || includesPairs(context, subset);
}

function childWithin(parent: GrantRecord, child: NonNullable<GrantRequest['child']>): boolean {
  if (!child.operations.every((op) => parent.operations.includes(op))) return false;
  const parentEquals = parent.constraints?.EncryptionContextEquals;
  const childEquals = child.constraints?.EncryptionContextEquals;
  if (parentEquals !== undefined && (childEquals === undefined || !sameContext(parentEquals, childEquals))) {
    return false;
  }
  const parentSubset = parent.constraints?.EncryptionContextSubset;
  if (parentSubset === undefined) return true;
  const strictest = childEquals ?? child.constraints?.EncryptionContextSubset;
  return strictest !== undefined && includesPairs(strictest, parentSubset);
}

/**
 * Whether `context` has every pair of `pairs`. "In a grant constraint, the key in each key-value pair is not case
 * sensitive, but the value is case sensitive" (KMS API reference, GrantConstraints).
 */
function includesPairs(context: EncryptionContext, pairs: EncryptionContext): boolean {
  const byLowerKey = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.entries(pairs).every(([k, v]) => byLowerKey.get(k.toLowerCase()) === v);
}

function sameContext(a: EncryptionContext, b: EncryptionContext): boolean {
  return Object.keys(a).length === Object.keys(b).length && includesPairs(b, a);
}
