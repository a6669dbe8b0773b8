// Finds an OU of the caller's organization by id.

import type { OrgEnv } from './org-env.js';
import { orgError } from './org-errors.js';
import type { OrganizationRecord, UnitRecord } from './store/records.js';

export function findUnit(env: OrgEnv, org: OrganizationRecord, id: string): UnitRecord {
  const unit = env.store.units.byId(id);
  if (unit?.organizationId !== org.id) throw orgError('OrganizationalUnitNotFoundException');
  return unit;
}
