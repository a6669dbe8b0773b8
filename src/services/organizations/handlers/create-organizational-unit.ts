// CreateOrganizationalUnit: a new OU under a root or OU, at most five levels deep, its name unique under its
// parent; it gets the default policy of every enabled policy type.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { constraintViolation, orgError } from '../org-errors.js';
import { newOuId } from '../org-ids.js';
import { chainTo, findParent, MAX_OU_DEPTH } from '../org-tree.js';
import type { UnitRecord } from '../store/records.js';
import { readTags } from '../tag-input.js';
import { addUnit } from '../tree-changes.js';
import { unitView } from '../views.js';

/** Organizations' quota of OUs per organization. */
const MAX_OUS = 1000;

export function createOrganizationalUnit(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const name = input.Name as string;
  const parent = findParent(env.store, org, input.ParentId as string);
  if (parent === undefined) throw orgError('ParentNotFoundException');
  const tags = readTags(input.Tags);
  // The chain includes the root, so an OU at depth d has a chain of d + 1 ids.
  if (chainTo(env.store, parent.id).length > MAX_OU_DEPTH) throw constraintViolation('OU_DEPTH_LIMIT_EXCEEDED');
  if (env.store.units.children(parent.id).some((u) => u.name === name)) {
    throw orgError('DuplicateOrganizationalUnitException');
  }
  if (env.store.units.countInOrganization(org.id) >= MAX_OUS) throw constraintViolation('OU_NUMBER_LIMIT_EXCEEDED');
  const unit: UnitRecord = {
    id: newOuId(org.rootId),
    organizationId: org.id,
    parentId: parent.id,
    name,
    createdAt: call.now,
  };
  env.store.write(() => {
    addUnit(env.store, org, unit);
    env.store.tags.put(org.id, unit.id, tags);
  });
  return { OrganizationalUnit: unitView(env.store, org, unit) };
}
