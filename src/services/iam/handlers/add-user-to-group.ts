// iam:AddUserToGroup: a user joins a group (adding a member twice changes nothing, as in AWS).
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireGroup, requireUser } from '../entities.js';
import { limitExceeded } from '../errors.js';
import type { IamContext } from '../iam-context.js';

const GROUPS_PER_USER = 10;

export function addUserToGroup(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const group = requireGroup(iam, account, input.GroupName as string);
  const user = requireUser(iam, account, input.UserName as string);
  const groups = iam.groups.groupsOf(user.id);
  if (!groups.some((g) => g.id === group.id) && groups.length >= GROUPS_PER_USER) {
    throw limitExceeded(`Cannot exceed quota for GroupsPerUser: ${GROUPS_PER_USER}`);
  }
  iam.write(() => iam.groups.addMember(group.id, user.id));
  return {};
}
