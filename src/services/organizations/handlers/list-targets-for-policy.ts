// ListTargetsForPolicy: the roots, OUs and accounts of the organization a policy is attached to.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { findNode } from '../org-tree.js';
import { paginate } from '../paginate.js';
import { findPolicy, policyIdOf } from '../policy-lookup.js';

export function listTargetsForPolicy(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const policyId = policyIdOf(findPolicy(env.store, org, input.PolicyId as string));
  const targets = env.store.policies.targetsOf(org.id, policyId).flatMap((a) => {
    const node = findNode(env.store, org, a.targetId);
    return node === undefined ? [] : [{ TargetId: node.id, Arn: node.arn, Name: node.name, Type: node.type }];
  });
  const page = paginate(targets, input, `ListTargetsForPolicy:${policyId}`);
  return { Targets: page.items, NextToken: page.nextToken };
}
