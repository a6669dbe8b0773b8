// ListRoots: the organization's one root with the policy types enabled on it.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { paginate } from '../paginate.js';
import { rootView } from '../views.js';

export function listRoots(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const page = paginate([rootView(env.store, org)], input, 'ListRoots');
  return { Roots: page.items, NextToken: page.nextToken };
}
