// DescribeOrganizationalUnit: one OU of the organization.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { findUnit } from '../unit-lookup.js';
import { unitView } from '../views.js';

export function describeOrganizationalUnit(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const unit = findUnit(env, org, input.OrganizationalUnitId as string);
  return { OrganizationalUnit: unitView(env.store, org, unit) };
}
