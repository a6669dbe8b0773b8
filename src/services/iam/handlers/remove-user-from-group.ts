// iam:RemoveUserFromGroup: a user leaves a group it belongs to.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireGroup, requireUser } from '../entities.js';
import { entityNotFound } from '../errors.js';
import type { IamContext } from '../iam-context.js';

export function removeUserFromGroup(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const group = requireGroup(iam, account, input.GroupName as string);
  const user = requireUser(iam, account, input.UserName as string);
  const removed = iam.write(() => iam.groups.removeMember(group.id, user.id));
  if (!removed) throw entityNotFound('user', user.name);
  return {};
}
