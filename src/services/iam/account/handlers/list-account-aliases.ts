// iam:ListAccountAliases: the account's alias, if it has one (AWS allows one, in a list).
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import type { IamContext } from '../../iam-context.js';
import { indexKey, paginate } from '../../pagination.js';
import { aliasOf } from '../account-aliases.js';

export function listAccountAliases(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const alias = aliasOf(iam.db, callerAccount(call));
  const page = paginate(alias === undefined ? [] : [alias], input, 'ListAccountAliases', indexKey);
  return { AccountAliases: page.items, ...page.meta };
}
