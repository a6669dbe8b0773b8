// DeleteOrganization: only once the management account is the last account in it.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { orgError } from '../org-errors.js';

export function deleteOrganization(_input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  if (env.store.members.countInOrganization(org.id) > 1) throw orgError('OrganizationNotEmptyException');
  env.store.write(() => env.store.organizations.delete(org.id));
  return {};
}
