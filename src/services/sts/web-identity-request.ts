// Reads an AssumeRoleWithWebIdentity request (aws-reference 2.7): the verified token, the role, session policies and
// the tags the token carries, and what the role's trust policy must allow for the token's web identity
// (sts:AssumeRoleWithWebIdentity, plus sts:TagSession / sts:SetSourceIdentity when the token passes tags or a source
// identity). The call is unsigned; the trust policy is evaluated for a `WebIdentity` principal, the IAM OIDC provider.
import type { Principal } from '../../policy/index.js';
import type { Shaped } from '../../protocol/index.js';
import type { AuthorizationTarget, CallContext, RoleRecord } from '../types.js';
import { accessDenied } from './errors.js';
import { verifyWebIdentityToken, type WebIdentity } from './oidc/web-identity-token.js';
import { packedPolicySize } from './packed-policy-size.js';
import { type RequestedRole, readRoleArn } from './role-arn.js';
import { type PolicyInput, readSessionPolicies, type SessionPolicies } from './session-policies.js';
import { carriesTags, readSessionTags, type SessionTags, sessionTagContext } from './session-tags.js';
import type { StsContext } from './sts-context.js';

export interface WebIdentityInput extends PolicyInput {
  readonly RoleArn: string;
  readonly RoleSessionName: string;
  readonly WebIdentityToken: string;
  readonly DurationSeconds?: number;
}

export interface WebIdentityRequest {
  readonly requested: RequestedRole;
  readonly role: RoleRecord | undefined;
  readonly sessionName: string;
  readonly identity: WebIdentity;
  readonly policies: SessionPolicies;
  readonly tags: SessionTags;
  readonly packedPolicySize: number | undefined;
}

export function readWebIdentityRequest(shaped: Shaped, call: CallContext, sts: StsContext): WebIdentityRequest {
  const input = shaped as unknown as WebIdentityInput;
  const requested = readRoleArn(input.RoleArn);
  const identity = verifyWebIdentityToken(input.WebIdentityToken, requested.account, call, sts.issuer);
  // The call is not signed (whatever signature a client adds), so nothing chains from the caller.
  const tags = readSessionTags(identity.tags, identity.transitiveTagKeys, undefined);
  const policies = readSessionPolicies(input, requested.account, sts.managedPolicy);
  const carries = policies.documents.length > 0 || carriesTags(tags);
  return {
    requested,
    role: call.deps.directory.identities.findRole(requested.arn),
    sessionName: input.RoleSessionName,
    identity,
    policies,
    tags,
    packedPolicySize: carries ? packedPolicySize(policies, tags.tags) : undefined,
  };
}

export function webIdentityTargets(request: WebIdentityRequest): AuthorizationTarget[] {
  const { role, requested, identity } = request;
  const principal: Principal = {
    type: 'WebIdentity',
    arn: identity.provider.arn,
    account: undefined,
    provider: identity.provider.arn,
  };
  const context = {
    'sts:RoleSessionName': request.sessionName,
    ...identity.context,
    ...(identity.sourceIdentity === undefined ? {} : { 'sts:SourceIdentity': identity.sourceIdentity }),
    ...sessionTagContext(request.tags, role?.tags ?? {}),
  };
  const target = (action: string): AuthorizationTarget => ({
    action,
    principal,
    resource: role?.arn ?? requested.arn,
    resourceAccount: role?.account ?? requested.account,
    resourcePolicy: role?.trustPolicy,
    resourcePolicyRequired: true,
    context,
    deniedError: () => accessDenied(`Not authorized to perform ${action}`),
  });
  const targets = [target('sts:AssumeRoleWithWebIdentity')];
  if (carriesTags(request.tags)) targets.push(target('sts:TagSession'));
  if (identity.sourceIdentity !== undefined) targets.push(target('sts:SetSourceIdentity'));
  return targets;
}
