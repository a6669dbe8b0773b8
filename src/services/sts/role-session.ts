// Issues a role session (AssumeRole, AssumeRoleWithWebIdentity): the assumed-role principal, its ids and ARN
// (`arn:aws:sts::ACCT:assumed-role/ROLE/SESSION`, the role's path dropped), and the stored session behind it.
import type { Principal } from '../../policy/index.js';
import type { RoleRecord } from '../types.js';
import { expiryOf } from './durations.js';
import type { SessionPolicies } from './session-policies.js';
import type { IssuedCredentials, SessionStore } from './session-store.js';

export interface RoleSessionSpec {
  readonly role: RoleRecord;
  readonly sessionName: string;
  readonly seconds: number;
  readonly policies: SessionPolicies;
  readonly tags: Readonly<Record<string, string>>;
  readonly transitiveTagKeys: readonly string[];
  readonly sourceIdentity: string | undefined;
  readonly mfaAuthenticatedAt: number | undefined;
  readonly chainedFromRole: boolean;
  readonly federatedProvider: string | undefined;
  readonly now: number;
}

export interface IssuedRoleSession {
  readonly Credentials: IssuedCredentials;
  readonly AssumedRoleUser: { readonly Arn: string; readonly AssumedRoleId: string };
}

export function issueRoleSession(sessions: SessionStore, spec: RoleSessionSpec): IssuedRoleSession {
  const { role, sessionName } = spec;
  const partition = role.arn.split(':')[1] ?? 'aws';
  const arn = `arn:${partition}:sts::${role.account}:assumed-role/${role.name}/${sessionName}`;
  const userId = `${role.roleId}:${sessionName}`;
  const principal: Principal = {
    type: 'AssumedRole',
    arn,
    account: role.account,
    roleArn: role.arn,
    roleId: role.roleId,
  };
  const credentials = sessions.issue({
    kind: 'role-session',
    principal,
    account: role.account,
    userId,
    userName: undefined,
    policies: spec.policies.documents,
    tags: spec.tags,
    transitiveTagKeys: spec.transitiveTagKeys,
    sourceIdentity: spec.sourceIdentity,
    mfaAuthenticatedAt: spec.mfaAuthenticatedAt,
    chainedFromRole: spec.chainedFromRole,
    federatedProvider: spec.federatedProvider,
    issuedAt: spec.now,
    expiresAt: expiryOf(spec.now, spec.seconds),
  });
  return { Credentials: credentials, AssumedRoleUser: { Arn: arn, AssumedRoleId: userId } };
}
