// sts:GetSessionToken: temporary credentials for an IAM user or the root user, with the same permissions, optionally
// MFA-authenticated. No policy controls it, so it has no authorization target; session credentials cannot call it.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { expiryOf, longTermSessionSeconds } from '../durations.js';
import { accessDenied, MFA_FAILED, sessionCredentialsRefused } from '../errors.js';
import type { StsContext } from '../sts-context.js';

interface GetSessionTokenInput {
  readonly DurationSeconds?: number;
  readonly SerialNumber?: string;
  readonly TokenCode?: string;
}

export function getSessionToken(sts: StsContext) {
  return (shaped: Shaped, call: CallContext): Shaped => {
    const input = shaped as GetSessionTokenInput;
    const { caller } = call;
    if ((caller.kind !== 'user' && caller.kind !== 'root') || caller.session !== undefined) {
      throw sessionCredentialsRefused('GetSessionToken');
    }
    const seconds = longTermSessionSeconds(input.DurationSeconds, caller.kind === 'root');
    const mfa = input.SerialNumber !== undefined || input.TokenCode !== undefined;
    if (mfa && !verified(input, call)) throw accessDenied(MFA_FAILED);
    const credentials = sts.sessions.issue({
      kind: caller.kind,
      principal: caller.principal,
      account: caller.account!,
      userId: caller.userId,
      userName: caller.userName,
      policies: [],
      tags: {},
      transitiveTagKeys: [],
      sourceIdentity: undefined,
      mfaAuthenticatedAt: mfa ? call.now : undefined,
      chainedFromRole: false,
      federatedProvider: undefined,
      issuedAt: call.now,
      expiresAt: expiryOf(call.now, seconds),
    });
    return { Credentials: credentials };
  };
}

function verified(input: GetSessionTokenInput, call: CallContext): boolean {
  if (input.SerialNumber === undefined || input.TokenCode === undefined) return false;
  const { identities } = call.deps.directory;
  return identities.verifyMfaCode(call.caller.principal.arn, input.SerialNumber, input.TokenCode, call.now);
}
