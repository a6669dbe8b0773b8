// iam:UpdateAccountPasswordPolicy: sets the whole policy; settings the call leaves out revert to their defaults.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import type { IamContext } from '../../iam-context.js';
import { DEFAULT_POLICY, PasswordPolicies, type PasswordPolicy } from '../password-policies.js';

const FLAGS = [
  'RequireSymbols',
  'RequireNumbers',
  'RequireUppercaseCharacters',
  'RequireLowercaseCharacters',
  'AllowUsersToChangePassword',
] as const;

export function updateAccountPasswordPolicy(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const policy: Record<string, number | boolean> = { ...DEFAULT_POLICY };
  if (typeof input.MinimumPasswordLength === 'number') policy.MinimumPasswordLength = input.MinimumPasswordLength;
  for (const flag of FLAGS) if (typeof input[flag] === 'boolean') policy[flag] = input[flag];
  // A MaxPasswordAge of 0 means passwords never expire, the same as leaving it out.
  if (typeof input.MaxPasswordAge === 'number' && input.MaxPasswordAge > 0)
    policy.MaxPasswordAge = input.MaxPasswordAge;
  if (typeof input.PasswordReusePrevention === 'number' && input.PasswordReusePrevention > 0) {
    policy.PasswordReusePrevention = input.PasswordReusePrevention;
  }
  if (typeof input.HardExpiry === 'boolean') policy.HardExpiry = input.HardExpiry;
  iam.write(() => new PasswordPolicies(iam.db).put(callerAccount(call), policy as unknown as PasswordPolicy));
  return {};
}
