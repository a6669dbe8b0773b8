// ListPolicies: the policies of one type, AWS managed ones first.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { managedPoliciesOfType } from '../managed-policies.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { paginate } from '../paginate.js';
import { type AnyPolicy, policySummary } from '../views.js';

export function listPolicies(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const type = input.Filter as string;
  const policies: AnyPolicy[] = [
    ...managedPoliciesOfType(type).map((managed) => ({ managed })),
    ...env.store.policies.ofType(org.id, type).map((customer) => ({ customer })),
  ];
  const page = paginate(policies, input, `ListPolicies:${type}`);
  return { Policies: page.items.map((p) => policySummary(org, p)), NextToken: page.nextToken };
}
