// iam:DeleteInstanceProfile: only a profile without a role can be deleted.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireInstanceProfile } from '../entities.js';
import { deleteConflict } from '../errors.js';
import type { IamContext } from '../iam-context.js';

export function deleteInstanceProfile(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const profile = requireInstanceProfile(iam, callerAccount(call), input.InstanceProfileName as string);
  if (iam.instanceProfiles.roleIds(profile.id).length > 0) {
    throw deleteConflict('Cannot delete entity, must remove roles from instance profile first.');
  }
  iam.write(() => {
    iam.tags.removeAll('instance-profile', profile.id);
    iam.instanceProfiles.delete(profile.id);
  });
  return {};
}
