// iam:DeleteAccountPasswordPolicy: removes the custom policy; IAM's default rules apply again.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import { noSuchEntity } from '../../errors.js';
import type { IamContext } from '../../iam-context.js';
import { PasswordPolicies } from '../password-policies.js';

export function deleteAccountPasswordPolicy(iam: IamContext, _input: Shaped, call: CallContext): Shaped {
  const deleted = iam.write(() => new PasswordPolicies(iam.db).delete(callerAccount(call)));
  if (!deleted) throw noSuchEntity('The account policy with name PasswordPolicy cannot be found.');
  return {};
}
