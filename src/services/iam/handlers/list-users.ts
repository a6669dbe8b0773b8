// iam:ListUsers: the account's users under a path prefix, a page at a time.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import type { IamContext } from '../iam-context.js';
import { userOutput } from '../output.js';
import { nameKey, paginate } from '../pagination.js';

export function listUsers(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const prefix = (input.PathPrefix as string | undefined) ?? '/';
  const users = iam.users.list(callerAccount(call)).filter((u) => u.path.startsWith(prefix));
  const page = paginate(users, input, `ListUsers:${prefix}`, (u) => nameKey(u.name));
  return { Users: page.items.map((u) => userOutput(iam, u, 'list')), ...page.meta };
}
