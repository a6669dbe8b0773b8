// DeleteOrganizationalUnit: only an OU without accounts or child OUs.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { orgError } from '../org-errors.js';
import { removeNode } from '../tree-changes.js';
import { findUnit } from '../unit-lookup.js';

export function deleteOrganizationalUnit(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const unit = findUnit(env, org, input.OrganizationalUnitId as string);
  if (env.store.members.countChildren(unit.id) > 0 || env.store.units.children(unit.id).length > 0) {
    throw orgError('OrganizationalUnitNotEmptyException');
  }
  env.store.write(() => removeNode(env.store, org, unit.id));
  return {};
}
