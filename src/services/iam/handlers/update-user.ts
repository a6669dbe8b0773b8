// iam:UpdateUser: renames a user or moves it to another path.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireUser } from '../entities.js';
import { entityExists } from '../errors.js';
import type { IamContext } from '../iam-context.js';

export function updateUser(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const user = requireUser(iam, account, input.UserName as string);
  const name = (input.NewUserName as string | undefined) ?? user.name;
  const path = (input.NewPath as string | undefined) ?? user.path;
  const holder = iam.users.byName(account, name);
  if (holder && holder.id !== user.id) throw entityExists('user', name);
  iam.write(() => iam.users.rename(user.id, name, path));
  return {};
}
