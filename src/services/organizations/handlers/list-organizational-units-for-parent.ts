// ListOrganizationalUnitsForParent: the OUs directly under a root or OU.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { orgError } from '../org-errors.js';
import { findParent } from '../org-tree.js';
import { paginate } from '../paginate.js';
import { unitView } from '../views.js';

export function listOrganizationalUnitsForParent(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const parent = findParent(env.store, org, input.ParentId as string);
  if (parent === undefined) throw orgError('ParentNotFoundException');
  const page = paginate(env.store.units.children(parent.id), input, `ListOrganizationalUnitsForParent:${parent.id}`);
  return { OrganizationalUnits: page.items.map((u) => unitView(env.store, org, u)), NextToken: page.nextToken };
}
