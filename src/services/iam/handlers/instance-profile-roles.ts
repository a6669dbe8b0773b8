// iam:AddRoleToInstanceProfile and iam:RemoveRoleFromInstanceProfile: a profile holds at most one role.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireInstanceProfile, requireRole } from '../entities.js';
import { entityNotFound, limitExceeded } from '../errors.js';
import type { IamContext } from '../iam-context.js';

const ROLES_PER_PROFILE = 1;

export function addRoleToInstanceProfile(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const profile = requireInstanceProfile(iam, account, input.InstanceProfileName as string);
  const role = requireRole(iam, account, input.RoleName as string);
  if (iam.instanceProfiles.roleIds(profile.id).length >= ROLES_PER_PROFILE) {
    throw limitExceeded(`Cannot exceed quota for InstanceSessionsPerInstanceProfile: ${ROLES_PER_PROFILE}`);
  }
  iam.write(() => iam.instanceProfiles.addRole(profile.id, role.id));
  return {};
}

export function removeRoleFromInstanceProfile(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const profile = requireInstanceProfile(iam, account, input.InstanceProfileName as string);
  const role = requireRole(iam, account, input.RoleName as string);
  if (!iam.instanceProfiles.roleIds(profile.id).includes(role.id)) throw entityNotFound('role', role.name);
  iam.write(() => iam.instanceProfiles.removeRole(profile.id, role.id));
  return {};
}
