// Reads an AssumeRole request (aws-reference 2.1, 2.2, 2.4): who may call it, the role, session policies and tags,
// the source identity, and the authorization targets the engine must allow: sts:AssumeRole against the role's trust
// policy, plus sts:TagSession and sts:SetSourceIdentity when the new session carries tags or a source identity.
// Everything here reads state only; the authorization step and the handler both read the request the same way.
import type { Shaped } from '../../protocol/index.js';
import type { AuthorizationTarget, CallContext, Caller, RoleRecord } from '../types.js';
import { accessDenied, invalidParameterValue, MFA_FAILED, notAuthorized } from './errors.js';
import { packedPolicySize } from './packed-policy-size.js';
import { type RequestedRole, readRoleArn } from './role-arn.js';
import { type PolicyInput, readSessionPolicies, type SessionPolicies } from './session-policies.js';
import { carriesTags, readSessionTags, type SessionTags, sessionTagContext, type TagInput } from './session-tags.js';
import type { StsContext } from './sts-context.js';

export interface AssumeRoleInput extends PolicyInput {
  readonly RoleArn: string;
  readonly RoleSessionName: string;
  readonly DurationSeconds?: number;
  readonly Tags?: readonly TagInput[];
  readonly TransitiveTagKeys?: readonly string[];
  readonly ExternalId?: string;
  readonly SerialNumber?: string;
  readonly TokenCode?: string;
  readonly SourceIdentity?: string;
}

export interface AssumeRoleRequest {
  readonly requested: RequestedRole;
  /** Undefined when no such role exists; the trust check then denies as it would for any role. */
  readonly role: RoleRecord | undefined;
  readonly sessionName: string;
  readonly externalId: string | undefined;
  readonly policies: SessionPolicies;
  readonly tags: SessionTags;
  readonly sourceIdentity: string | undefined;
  /** Present when the session carries session policies or tags. */
  readonly packedPolicySize: number | undefined;
}

export function readAssumeRoleRequest(shaped: Shaped, call: CallContext, sts: StsContext): AssumeRoleRequest {
  const input = shaped as unknown as AssumeRoleInput;
  const { caller } = call;
  if (caller.kind === 'root') throw accessDenied('Roles may not be assumed by root accounts.');
  const requested = readRoleArn(input.RoleArn);
  // GetFederationToken sessions may call no STS operation but GetCallerIdentity.
  if (caller.kind === 'federated-user') throw notAuthorized(caller.principal.arn, 'sts:AssumeRole', requested.arn);
  const tags = readSessionTags(input.Tags, input.TransitiveTagKeys, caller);
  const policies = readSessionPolicies(input, requested.account, sts.managedPolicy);
  const carriesPolicies = policies.documents.length > 0;
  return {
    requested,
    role: call.deps.directory.identities.findRole(requested.arn),
    sessionName: input.RoleSessionName,
    externalId: input.ExternalId,
    policies,
    tags,
    sourceIdentity: sourceIdentityOf(input.SourceIdentity, caller),
    packedPolicySize: carriesPolicies || carriesTags(tags) ? packedPolicySize(policies, tags.tags) : undefined,
  };
}

/** A source identity, once set, stays with every session of the chain. */
function sourceIdentityOf(passed: string | undefined, caller: Caller): string | undefined {
  const inherited = caller.kind === 'role-session' ? caller.session?.sourceIdentity : undefined;
  if (inherited !== undefined && passed !== undefined && passed !== inherited) {
    throw invalidParameterValue(
      "The specified source identity can't be set because it conflicts with the source identity of the calling session.",
    );
  }
  return passed ?? inherited;
}

/**
 * Verifies the MFA code the request passes; true when one was passed and is valid. A code is accepted only once,
 * so only the authorization step calls this.
 */
export function verifyRequestMfa(shaped: Shaped, call: CallContext): boolean {
  const input = shaped as unknown as AssumeRoleInput;
  if (input.SerialNumber === undefined && input.TokenCode === undefined) return false;
  const verified =
    input.SerialNumber !== undefined &&
    input.TokenCode !== undefined &&
    call.deps.directory.identities.verifyMfaCode(
      call.caller.principal.arn,
      input.SerialNumber,
      input.TokenCode,
      call.now,
    );
  if (!verified) throw accessDenied(MFA_FAILED);
  return true;
}

export function assumeRoleTargets(request: AssumeRoleRequest, mfaVerified: boolean): AuthorizationTarget[] {
  const { role, requested } = request;
  const context = {
    'sts:RoleSessionName': request.sessionName,
    ...(request.externalId === undefined ? {} : { 'sts:ExternalId': request.externalId }),
    ...(request.sourceIdentity === undefined ? {} : { 'sts:SourceIdentity': request.sourceIdentity }),
    ...sessionTagContext(request.tags, role?.tags ?? {}),
    ...(mfaVerified ? { 'aws:MultiFactorAuthPresent': true, 'aws:MultiFactorAuthAge': 0 } : {}),
  };
  const target = (action: string): AuthorizationTarget => ({
    action,
    resource: role?.arn ?? requested.arn,
    resourceAccount: role?.account ?? requested.account,
    resourcePolicy: role?.trustPolicy,
    resourcePolicyRequired: true,
    context,
    deniedError: (_decision, caller) => notAuthorized(caller.principal.arn, action, requested.arn),
  });
  const targets = [target('sts:AssumeRole')];
  if (carriesTags(request.tags)) targets.push(target('sts:TagSession'));
  if (request.sourceIdentity !== undefined) targets.push(target('sts:SetSourceIdentity'));
  return targets;
}
