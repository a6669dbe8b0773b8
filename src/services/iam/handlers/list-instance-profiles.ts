// iam:ListInstanceProfiles and iam:ListInstanceProfilesForRole, a page at a time.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireRole } from '../entities.js';
import type { IamContext } from '../iam-context.js';
import { instanceProfileOutput } from '../output.js';
import { nameKey, paginate } from '../pagination.js';

export function listInstanceProfiles(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const prefix = (input.PathPrefix as string | undefined) ?? '/';
  const profiles = iam.instanceProfiles.list(callerAccount(call)).filter((p) => p.path.startsWith(prefix));
  const page = paginate(profiles, input, `ListInstanceProfiles:${prefix}`, (p) => nameKey(p.name));
  return { InstanceProfiles: page.items.map((p) => instanceProfileOutput(iam, p, 'list')), ...page.meta };
}

export function listInstanceProfilesForRole(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const role = requireRole(iam, callerAccount(call), input.RoleName as string);
  const profiles = iam.instanceProfiles.profilesOf(role.id);
  const page = paginate(profiles, input, `ListInstanceProfilesForRole:${role.id}`, (p) => nameKey(p.name));
  return { InstanceProfiles: page.items.map((p) => instanceProfileOutput(iam, p, 'list')), ...page.meta };
}
