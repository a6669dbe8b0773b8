// DescribePolicy: a customer policy of the organization or an AWS managed one, with its document.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { findPolicy } from '../policy-lookup.js';
import { policyView } from '../views.js';

export function describePolicy(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  return { Policy: policyView(org, findPolicy(env.store, org, input.PolicyId as string)) };
}
