// ListAccountsForParent: the accounts directly under a root or OU.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { orgError } from '../org-errors.js';
import { findParent } from '../org-tree.js';
import { paginate } from '../paginate.js';
import { accountView } from '../views.js';

export function listAccountsForParent(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const parent = findParent(env.store, org, input.ParentId as string);
  if (parent === undefined) throw orgError('ParentNotFoundException');
  const page = paginate(env.store.members.children(parent.id), input, `ListAccountsForParent:${parent.id}`);
  return { Accounts: page.items.map((m) => accountView(env.store, org, m)), NextToken: page.nextToken };
}
