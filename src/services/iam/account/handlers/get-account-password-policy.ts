// iam:GetAccountPasswordPolicy: the policy as set, with ExpirePasswords derived from MaxPasswordAge.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import { noSuchEntity } from '../../errors.js';
import type { IamContext } from '../../iam-context.js';
import { PasswordPolicies } from '../password-policies.js';

export function getAccountPasswordPolicy(iam: IamContext, _input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const policy = new PasswordPolicies(iam.db).find(account);
  if (policy === undefined) throw noSuchEntity(`The Password Policy with domain name ${account} cannot be found.`);
  return { PasswordPolicy: { ...policy, ExpirePasswords: policy.MaxPasswordAge !== undefined } };
}
