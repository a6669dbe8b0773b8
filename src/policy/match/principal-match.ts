// Principal and NotPrincipal matching. How a principal matched matters (IAM UG, evaluation logic,
// "Resource-based policies and implicit denies in other policy types"): a grant to the user or session
// itself is direct; a grant to the role (or to the IAM user behind a federated session) is still limited
// by the permissions boundary and session policies; a grant to the account delegates to the account's IAM.

import type { Principal } from '../principal.js';
import type { PrincipalElement } from '../types.js';

export type PrincipalMatchKind = 'direct' | 'role' | 'account';

export interface CompiledPrincipal {
  readonly wildcard: boolean;
  readonly accounts: ReadonlySet<string>;
  readonly arns: ReadonlySet<string>;
  readonly uniqueIds: ReadonlySet<string>;
  readonly services: ReadonlySet<string>;
  readonly federated: ReadonlySet<string>;
  readonly canonicalUsers: ReadonlySet<string>;
}

const ACCOUNT_ROOT = /^arn:[\w-]+:iam::(\d{12}):root$/;

export function compilePrincipal(element: PrincipalElement): CompiledPrincipal {
  const accounts = new Set<string>();
  const arns = new Set<string>();
  const uniqueIds = new Set<string>();
  let wildcard = element.wildcard;
  for (const value of element.aws) {
    if (value === '*') wildcard = true;
    else if (/^\d{12}$/.test(value)) accounts.add(value);
    else if (ACCOUNT_ROOT.test(value)) accounts.add(ACCOUNT_ROOT.exec(value)![1]!);
    else if (value.startsWith('arn:')) arns.add(value);
    else uniqueIds.add(value);
  }
  return {
    wildcard,
    accounts,
    arns,
    uniqueIds,
    services: new Set(element.service),
    federated: new Set(element.federated),
    canonicalUsers: new Set(element.canonicalUser),
  };
}

function matchesAccount(p: CompiledPrincipal, principal: Principal): boolean {
  if (principal.account !== undefined && p.accounts.has(principal.account)) return true;
  return principal.canonicalUserId !== undefined && p.canonicalUsers.has(principal.canonicalUserId);
}

/** How the element names the principal, preferring the most direct grant; undefined when it does not. */
export function matchPrincipal(p: CompiledPrincipal, principal: Principal): PrincipalMatchKind | undefined {
  if (p.wildcard) return 'direct';
  switch (principal.type) {
    case 'User':
      if (p.arns.has(principal.arn) || (principal.userId !== undefined && p.uniqueIds.has(principal.userId))) {
        return 'direct';
      }
      break;
    case 'AssumedRole':
      if (p.arns.has(principal.arn)) return 'direct';
      if (
        p.arns.has(principal.roleArn ?? '') ||
        (principal.roleId !== undefined && p.uniqueIds.has(principal.roleId))
      ) {
        return 'role';
      }
      break;
    case 'FederatedUser':
      if (p.arns.has(principal.arn)) return 'direct';
      if (principal.parentUserArn !== undefined && p.arns.has(principal.parentUserArn)) return 'role';
      break;
    case 'Service':
      return p.services.has(principal.serviceName ?? '') ? 'direct' : undefined;
    case 'WebIdentity':
    case 'SAML':
      return p.federated.has(principal.provider ?? '') ? 'direct' : undefined;
    case 'Anonymous':
      return undefined;
    case 'Account':
      break;
  }
  return matchesAccount(p, principal) ? 'account' : undefined;
}

/**
 * NotPrincipal excludes a caller only when every identity the request carries is listed: the account,
 * the role (for sessions) or the parent user (for federated sessions), and the user or session itself
 * (IAM UG, NotPrincipal: "you must also specify the account ARN ... otherwise the policy denies access
 * to the account" and, for sessions, the role ARN).
 */
export function notPrincipalExcludes(p: CompiledPrincipal, principal: Principal): boolean {
  if (p.wildcard) return true;
  switch (principal.type) {
    case 'Account':
      return matchesAccount(p, principal);
    case 'User':
      return (
        matchesAccount(p, principal) &&
        (p.arns.has(principal.arn) || (principal.userId !== undefined && p.uniqueIds.has(principal.userId)))
      );
    case 'AssumedRole':
      return (
        matchesAccount(p, principal) &&
        (p.arns.has(principal.roleArn ?? '') ||
          (principal.roleId !== undefined && p.uniqueIds.has(principal.roleId))) &&
        p.arns.has(principal.arn)
      );
    case 'FederatedUser':
      return (
        matchesAccount(p, principal) &&
        (principal.parentUserArn === undefined || p.arns.has(principal.parentUserArn)) &&
        p.arns.has(principal.arn)
      );
    case 'Service':
      return p.services.has(principal.serviceName ?? '');
    case 'WebIdentity':
    case 'SAML':
      return p.federated.has(principal.provider ?? '');
    case 'Anonymous':
      return false;
  }
}
