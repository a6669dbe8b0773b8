// ListChildren: the accounts or the OUs directly under a root or OU.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { orgError } from '../org-errors.js';
import { findParent } from '../org-tree.js';
import { paginate } from '../paginate.js';

export function listChildren(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const parent = findParent(env.store, org, input.ParentId as string);
  if (parent === undefined) throw orgError('ParentNotFoundException');
  const type = input.ChildType as 'ACCOUNT' | 'ORGANIZATIONAL_UNIT';
  const ids =
    type === 'ACCOUNT'
      ? env.store.members.children(parent.id).map((m) => m.id)
      : env.store.units.children(parent.id).map((u) => u.id);
  const page = paginate(ids, input, `ListChildren:${parent.id}:${type}`);
  return { Children: page.items.map((id) => ({ Id: id, Type: type })), NextToken: page.nextToken };
}
