// iam:CreateAccountAlias: names the account; a new alias replaces the old one, and no two accounts share one.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import type { IamContext } from '../../iam-context.js';
import { setAlias } from '../account-aliases.js';

export function createAccountAlias(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  iam.write(() => setAlias(iam.db, callerAccount(call), input.AccountAlias as string));
  return {};
}
