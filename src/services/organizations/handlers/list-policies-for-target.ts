// ListPoliciesForTarget: the policies of one type attached directly to a root, OU or account.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { orgError } from '../org-errors.js';
import { findNode } from '../org-tree.js';
import { paginate } from '../paginate.js';
import { findPolicy } from '../policy-lookup.js';
import { policySummary } from '../views.js';

export function listPoliciesForTarget(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const target = findNode(env.store, org, input.TargetId as string);
  if (target === undefined) throw orgError('TargetNotFoundException');
  const type = input.Filter as string;
  const attachments = env.store.policies.attachedTo(org.id, target.id, type);
  const page = paginate(attachments, input, `ListPoliciesForTarget:${target.id}:${type}`);
  const policies = page.items.map((a) => policySummary(org, findPolicy(env.store, org, a.policyId)));
  return { Policies: policies, NextToken: page.nextToken };
}
