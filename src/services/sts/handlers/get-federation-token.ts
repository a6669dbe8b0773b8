// sts:GetFederationToken: a federated-user session for an IAM user (or the root user, for at most an hour). The
// session's permissions are those of the user intersected with the session policies; without session policies it
// has none (the engine applies that to FederatedUser principals).
import type { Principal } from '../../../policy/index.js';
import type { Shaped } from '../../../protocol/index.js';
import type { AuthorizationTarget, CallContext } from '../../types.js';
import { expiryOf, longTermSessionSeconds } from '../durations.js';
import { sessionCredentialsRefused } from '../errors.js';
import { packedPolicySize } from '../packed-policy-size.js';
import { type PolicyInput, readSessionPolicies, type SessionPolicies } from '../session-policies.js';
import { readSessionTags, requestTagContext, type TagInput } from '../session-tags.js';
import type { StsContext } from '../sts-context.js';

interface GetFederationTokenInput extends PolicyInput {
  readonly Name: string;
  readonly DurationSeconds?: number;
  readonly Tags?: readonly TagInput[];
}

interface FederationRequest {
  readonly account: string;
  readonly arn: string;
  readonly policies: SessionPolicies;
  readonly tags: Readonly<Record<string, string>>;
  readonly packedPolicySize: number;
}

function readFederationRequest(shaped: Shaped, call: CallContext, sts: StsContext): FederationRequest {
  const input = shaped as unknown as GetFederationTokenInput;
  const { caller } = call;
  if ((caller.kind !== 'user' && caller.kind !== 'root') || caller.session !== undefined) {
    throw sessionCredentialsRefused('GetFederationToken');
  }
  const account = caller.account!;
  const partition = caller.principal.arn.split(':')[1] ?? 'aws';
  const tags = readSessionTags(input.Tags, undefined, caller).tags;
  const policies = readSessionPolicies(input, account, sts.managedPolicy);
  return {
    account,
    arn: `arn:${partition}:sts::${account}:federated-user/${input.Name}`,
    policies,
    tags,
    packedPolicySize: packedPolicySize(policies, tags),
  };
}

export function federationTargets(sts: StsContext) {
  return (shaped: Shaped, call: CallContext): AuthorizationTarget[] => {
    const request = readFederationRequest(shaped, call, sts);
    const target = (action: string): AuthorizationTarget => ({
      action,
      resource: request.arn,
      resourceAccount: request.account,
      context: requestTagContext(request.tags),
    });
    const targets = [target('sts:GetFederationToken')];
    if (Object.keys(request.tags).length > 0) targets.push(target('sts:TagSession'));
    return targets;
  };
}

export function getFederationToken(sts: StsContext) {
  return (shaped: Shaped, call: CallContext): Shaped => {
    const input = shaped as unknown as GetFederationTokenInput;
    const request = readFederationRequest(shaped, call, sts);
    const { caller } = call;
    const seconds = longTermSessionSeconds(input.DurationSeconds, caller.kind === 'root');
    const userId = `${request.account}:${input.Name}`;
    const principal: Principal = {
      type: 'FederatedUser',
      arn: request.arn,
      account: request.account,
      parentUserArn: caller.principal.arn,
    };
    const credentials = sts.sessions.issue({
      kind: 'federated-user',
      principal,
      account: request.account,
      userId,
      userName: undefined,
      policies: request.policies.documents,
      tags: request.tags,
      transitiveTagKeys: [],
      sourceIdentity: undefined,
      mfaAuthenticatedAt: undefined,
      chainedFromRole: false,
      federatedProvider: undefined,
      issuedAt: call.now,
      expiresAt: expiryOf(call.now, seconds),
    });
    return {
      Credentials: credentials,
      FederatedUser: { Arn: request.arn, FederatedUserId: userId },
      PackedPolicySize: request.packedPolicySize,
    };
  };
}
