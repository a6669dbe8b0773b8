// LeaveOrganization: a member account leaves; the management account cannot.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireMembership } from '../org-env.js';
import { orgError } from '../org-errors.js';
import { removeNode } from '../tree-changes.js';

export function leaveOrganization(_input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const { org, member } = requireMembership(env, call);
  if (member.id === org.managementAccount) throw orgError('MasterCannotLeaveOrganizationException');
  env.store.write(() => removeNode(env.store, org, member.id));
  return {};
}
