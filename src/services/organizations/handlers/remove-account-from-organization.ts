// RemoveAccountFromOrganization: the management account removes a member account.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { orgError } from '../org-errors.js';
import { removeNode } from '../tree-changes.js';

export function removeAccountFromOrganization(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const account = input.AccountId as string;
  if (env.store.members.byId(account)?.organizationId !== org.id) throw orgError('AccountNotFoundException');
  if (account === org.managementAccount) throw orgError('MasterCannotLeaveOrganizationException');
  env.store.write(() => removeNode(env.store, org, account));
  return {};
}
