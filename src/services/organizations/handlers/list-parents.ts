// ListParents: the one root or OU an account or OU sits directly under.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { orgError } from '../org-errors.js';
import { findNode } from '../org-tree.js';
import { paginate } from '../paginate.js';

export function listParents(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const child = findNode(env.store, org, input.ChildId as string);
  if (child === undefined || child.type === 'ROOT') throw orgError('ChildNotFoundException');
  const parentId =
    child.type === 'ACCOUNT' ? env.store.members.byId(child.id)?.parentId : env.store.units.byId(child.id)?.parentId;
  const parents =
    parentId === undefined ? [] : [{ Id: parentId, Type: parentId.startsWith('r-') ? 'ROOT' : 'ORGANIZATIONAL_UNIT' }];
  const page = paginate(parents, input, `ListParents:${child.id}`);
  return { Parents: page.items, NextToken: page.nextToken };
}
