// The global condition keys AWS supplies with every request (aws-reference 5.1), from the verified caller, the
// connection and the organization directory. Service keys come from the operation's authorization target.
import { isoSeconds } from '../core/clock.js';
import type { ContextScalar } from '../policy/index.js';
import type { Caller, OrganizationMembership, PrincipalPolicies } from '../services/types.js';

export interface RequestFacts {
  readonly now: number;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly secureTransport: boolean;
  readonly region: string;
  readonly referer: string | undefined;
}

export function globalConditionKeys(
  caller: Caller,
  facts: RequestFacts,
  principalPolicies: PrincipalPolicies | undefined,
  principalOrg: OrganizationMembership | undefined,
  resourceAccount: string | undefined,
  resourceOrg: OrganizationMembership | undefined,
): Record<string, ContextScalar | readonly ContextScalar[]> {
  const keys: Record<string, ContextScalar | readonly ContextScalar[]> = {
    'aws:CurrentTime': isoSeconds(facts.now),
    'aws:EpochTime': Math.floor(facts.now / 1000),
    'aws:SecureTransport': facts.secureTransport,
    'aws:RequestedRegion': facts.region,
    'aws:UserAgent': facts.userAgent,
    'aws:SourceIp': facts.sourceIp,
    'aws:ViaAWSService': false,
    'aws:PrincipalType': caller.principal.type,
    'aws:userid': caller.userId,
  };
  if (facts.referer !== undefined) keys['aws:referer'] = facts.referer;
  if (caller.kind !== 'anonymous') {
    keys['aws:PrincipalArn'] = principalArnKey(caller);
    keys['aws:PrincipalIsAWSService'] = false;
    if (caller.account !== undefined) keys['aws:PrincipalAccount'] = caller.account;
  }
  if (caller.userName !== undefined) keys['aws:username'] = caller.userName;
  if (principalPolicies) for (const [k, v] of Object.entries(principalPolicies.tags)) keys[`aws:PrincipalTag/${k}`] = v;
  if (principalOrg) {
    keys['aws:PrincipalOrgID'] = principalOrg.organizationId;
    keys['aws:PrincipalOrgPaths'] = [principalOrg.path];
  }
  if (resourceAccount !== undefined) keys['aws:ResourceAccount'] = resourceAccount;
  if (resourceOrg) {
    keys['aws:ResourceOrgID'] = resourceOrg.organizationId;
    keys['aws:ResourceOrgPaths'] = [resourceOrg.path];
  }
  const session = caller.session;
  if (session) {
    keys['aws:TokenIssueTime'] = isoSeconds(session.issuedAt);
    keys['aws:MultiFactorAuthPresent'] = session.mfaAuthenticated;
    if (session.mfaAuthenticatedAt !== undefined) {
      keys['aws:MultiFactorAuthAge'] = Math.max(0, Math.floor((facts.now - session.mfaAuthenticatedAt) / 1000));
    }
    if (session.sourceIdentity !== undefined) keys['aws:SourceIdentity'] = session.sourceIdentity;
    if (session.federatedProvider !== undefined) keys['aws:FederatedProvider'] = session.federatedProvider;
  }
  return keys;
}

/** For a role session `aws:PrincipalArn` is the role's ARN, not the session's. */
function principalArnKey(caller: Caller): string {
  return caller.principal.type === 'AssumedRole'
    ? (caller.principal.roleArn ?? caller.principal.arn)
    : caller.principal.arn;
}
