// iam:DeleteRole: only a role outside every instance profile and without policies can be deleted.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireRole } from '../entities.js';
import { deleteConflict } from '../errors.js';
import type { IamContext } from '../iam-context.js';

export function deleteRole(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const role = requireRole(iam, callerAccount(call), input.RoleName as string);
  if (iam.instanceProfiles.profilesOf(role.id).length > 0) {
    throw deleteConflict('Cannot delete entity, must remove roles from instance profile first.');
  }
  if (iam.attachments.list('role', role.id).length > 0) {
    throw deleteConflict('Cannot delete entity, must detach all policies first.');
  }
  if (iam.inlinePolicies.count('role', role.id) > 0) {
    throw deleteConflict('Cannot delete entity, must delete policies first.');
  }
  iam.write(() => {
    iam.tags.removeAll('role', role.id);
    iam.roles.delete(role.id);
  });
  return {};
}
