// iam:DeleteUser: only a user that holds nothing any more (policies, groups, keys, devices) can be deleted.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireUser } from '../entities.js';
import { deleteConflict } from '../errors.js';
import type { IamContext } from '../iam-context.js';
import type { UserRecord } from '../repos/users.js';

export function deleteUser(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const user = requireUser(iam, callerAccount(call), input.UserName as string);
  const conflict = deletionConflict(iam, user);
  if (conflict !== undefined) throw deleteConflict(conflict);
  iam.write(() => {
    iam.tags.removeAll('user', user.id);
    iam.users.delete(user.id);
  });
  return {};
}

function deletionConflict(iam: IamContext, user: UserRecord): string | undefined {
  if (iam.inlinePolicies.count('user', user.id) > 0) return 'Cannot delete entity, must delete policies first.';
  if (iam.attachments.list('user', user.id).length > 0) return 'Cannot delete entity, must detach all policies first.';
  if (iam.groups.groupsOf(user.id).length > 0) return 'Cannot delete entity, must remove users from group first.';
  if (iam.accessKeys.listForUser(user.id).length > 0) return 'Cannot delete entity, must delete access keys first.';
  return iam.userDeletionConflict(user);
}
