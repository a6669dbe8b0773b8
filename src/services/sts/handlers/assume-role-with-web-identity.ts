// sts:AssumeRoleWithWebIdentity: a role session for the holder of an OIDC token (GitHub Actions, EKS service
// accounts, xacct's own issuer). Not role chaining, so the role's MaxSessionDuration applies; the session's
// aws:FederatedProvider, and the answer's Provider, are the IAM OIDC provider's ARN (docs/deviations.md).
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { roleSessionSeconds } from '../durations.js';
import { accessDenied } from '../errors.js';
import { issueRoleSession } from '../role-session.js';
import type { StsContext } from '../sts-context.js';
import { readWebIdentityRequest, type WebIdentityInput } from '../web-identity-request.js';

export function assumeRoleWithWebIdentity(sts: StsContext) {
  return (shaped: Shaped, call: CallContext): Shaped => {
    const input = shaped as unknown as WebIdentityInput;
    const request = readWebIdentityRequest(shaped, call, sts);
    // INVARIANT: the trust check denied a role that does not exist; this only guards a role deleted since.
    const role = request.role;
    if (role === undefined) throw accessDenied('Not authorized to perform sts:AssumeRoleWithWebIdentity');
    const { identity } = request;
    const issued = issueRoleSession(sts.sessions, {
      role,
      sessionName: request.sessionName,
      seconds: roleSessionSeconds(input.DurationSeconds, role, false),
      policies: request.policies,
      tags: request.tags.tags,
      transitiveTagKeys: request.tags.transitiveTagKeys,
      sourceIdentity: identity.sourceIdentity,
      mfaAuthenticatedAt: undefined,
      chainedFromRole: false,
      federatedProvider: identity.provider.arn,
      now: call.now,
    });
    return {
      ...issued,
      SubjectFromWebIdentityToken: identity.subject,
      Audience: identity.audience,
      Provider: identity.provider.arn,
      PackedPolicySize: request.packedPolicySize,
      SourceIdentity: identity.sourceIdentity,
    };
  };
}
