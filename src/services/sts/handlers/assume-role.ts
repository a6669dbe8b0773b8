// sts:AssumeRole: a role session for an IAM user or a role session (role chaining caps it at one hour). The trust
// policy, sts:TagSession and sts:SetSourceIdentity were authorized before this runs (assume-role-request.ts).
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type AssumeRoleInput, readAssumeRoleRequest } from '../assume-role-request.js';
import { roleSessionSeconds } from '../durations.js';
import { notAuthorized } from '../errors.js';
import { issueRoleSession } from '../role-session.js';
import type { StsContext } from '../sts-context.js';

export function assumeRole(sts: StsContext) {
  return (shaped: Shaped, call: CallContext): Shaped => {
    const input = shaped as unknown as AssumeRoleInput;
    const request = readAssumeRoleRequest(shaped, call, sts);
    const { caller } = call;
    // INVARIANT: the trust check denied a role that does not exist; this only guards a role deleted since.
    const role = request.role;
    if (role === undefined) throw notAuthorized(caller.principal.arn, 'sts:AssumeRole', request.requested.arn);
    const chainedFromRole = caller.kind === 'role-session';
    const seconds = roleSessionSeconds(input.DurationSeconds, role, chainedFromRole);
    // INVARIANT: the authorization step verified the MFA code the request passed (and refused a wrong one); a
    // session made with MFA hands its MFA time on to the sessions it assumes.
    const mfaAuthenticatedAt = input.SerialNumber !== undefined ? call.now : caller.session?.mfaAuthenticatedAt;
    const issued = issueRoleSession(sts.sessions, {
      role,
      sessionName: request.sessionName,
      seconds,
      policies: request.policies,
      tags: request.tags.tags,
      transitiveTagKeys: request.tags.transitiveTagKeys,
      sourceIdentity: request.sourceIdentity,
      mfaAuthenticatedAt,
      chainedFromRole,
      federatedProvider: undefined,
      now: call.now,
    });
    return { ...issued, PackedPolicySize: request.packedPolicySize, SourceIdentity: request.sourceIdentity };
  };
}
