// UpdateOrganizationalUnit: renames an OU; the name stays unique under its parent.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { orgError } from '../org-errors.js';
import { findUnit } from '../unit-lookup.js';
import { unitView } from '../views.js';

export function updateOrganizationalUnit(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const unit = findUnit(env, org, input.OrganizationalUnitId as string);
  const name = (input.Name as string | undefined) ?? unit.name;
  if (env.store.units.children(unit.parentId).some((u) => u.name === name && u.id !== unit.id)) {
    throw orgError('DuplicateOrganizationalUnitException');
  }
  env.store.write(() => env.store.units.rename(unit.id, name));
  return { OrganizationalUnit: unitView(env.store, org, { ...unit, name }) };
}
