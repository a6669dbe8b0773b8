// iam:ListGroupsForUser: the groups a user belongs to.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireUser } from '../entities.js';
import type { IamContext } from '../iam-context.js';
import { groupOutput } from '../output.js';
import { nameKey, paginate } from '../pagination.js';

export function listGroupsForUser(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const user = requireUser(iam, callerAccount(call), input.UserName as string);
  const page = paginate(iam.groups.groupsOf(user.id), input, `ListGroupsForUser:${user.id}`, (g) => nameKey(g.name));
  return { Groups: page.items.map(groupOutput), ...page.meta };
}
