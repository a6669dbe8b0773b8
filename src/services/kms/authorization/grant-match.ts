// Whether a grant lets a caller perform one grant operation: the grantee is the caller (a user, a role session's
// role, or the exact session), the operation is one the grant lists, and the request's encryption context meets
// the grant's constraints. A grant used to create another grant passes on no more than it holds.
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

export function granteeMatches(grantee: string, caller: Caller): boolean {
  const principal = caller.principal;
  if (grantee === principal.arn) return true;
  return principal.type === 'AssumedRole' && principal.roleArn !== undefined && grantee === principal.roleArn;
}

export function grantAllows(grant: GrantRecord, caller: Caller, request: GrantRequest): boolean {
  if (!grant.operations.includes(request.operation) || !granteeMatches(grant.grantee, caller)) return false;
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
