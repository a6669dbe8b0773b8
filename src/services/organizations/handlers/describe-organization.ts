// DescribeOrganization: any account of the organization may read it, members included.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireMembership } from '../org-env.js';
import { organizationView } from '../views.js';

export function describeOrganization(_input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  return { Organization: organizationView(requireMembership(env, call).org) };
}
