// ListAccounts: every account of the organization, in the order they joined.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { paginate } from '../paginate.js';
import { accountView } from '../views.js';

export function listAccounts(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const page = paginate(env.store.members.inOrganization(org.id), input, 'ListAccounts');
  return { Accounts: page.items.map((m) => accountView(env.store, org, m)), NextToken: page.nextToken };
}
