// iam:DeleteAccountAlias: removes the alias, which must be the account's current one.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import { noSuchEntity } from '../../errors.js';
import type { IamContext } from '../../iam-context.js';
import { aliasOf, clearAlias } from '../account-aliases.js';

export function deleteAccountAlias(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const alias = input.AccountAlias as string;
  iam.write(() => {
    if (aliasOf(iam.db, account) !== alias) throw noSuchEntity(`The account alias ${alias} cannot be found.`);
    clearAlias(iam.db, account);
  });
  return {};
}
