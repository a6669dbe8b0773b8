// DescribeAccount: one account of the organization.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { orgError } from '../org-errors.js';
import { accountView } from '../views.js';

export function describeAccount(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const member = env.store.members.byId(input.AccountId as string);
  if (member?.organizationId !== org.id) throw orgError('AccountNotFoundException');
  return { Account: accountView(env.store, org, member) };
}
