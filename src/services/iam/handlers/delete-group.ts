// iam:DeleteGroup: only an empty group without policies can be deleted.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireGroup } from '../entities.js';
import { deleteConflict } from '../errors.js';
import type { IamContext } from '../iam-context.js';

export function deleteGroup(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const group = requireGroup(iam, callerAccount(call), input.GroupName as string);
  if (iam.groups.memberIds(group.id).length > 0) {
    throw deleteConflict('Cannot delete entity, must remove users from group first.');
  }
  if (iam.inlinePolicies.count('group', group.id) > 0) {
    throw deleteConflict('Cannot delete entity, must delete policies first.');
  }
  if (iam.attachments.list('group', group.id).length > 0) {
    throw deleteConflict('Cannot delete entity, must detach all policies first.');
  }
  iam.write(() => iam.groups.delete(group.id));
  return {};
}
