// DetachPolicy: takes a policy off a root, OU or account. Every target keeps at least one SCP, and
// RCPFullAWSAccess never comes off.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { FULL_AWS_ACCESS } from '../managed-policies.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { constraintViolation, invalidInput, orgError } from '../org-errors.js';
import { findNode } from '../org-tree.js';
import { findPolicy, policyIdOf, policyTypeOf } from '../policy-lookup.js';

export function detachPolicy(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const policy = findPolicy(env.store, org, input.PolicyId as string);
  const target = findNode(env.store, org, input.TargetId as string);
  if (target === undefined) throw orgError('TargetNotFoundException');
  if ('managed' in policy && !policy.managed.detachable) throw invalidInput('NON_DETACHABLE_POLICY');
  const type = policyTypeOf(policy);
  const policyId = policyIdOf(policy);
  if (!env.store.policies.isAttached(org.id, policyId, target.id)) throw orgError('PolicyNotAttachedException');
  if (type === FULL_AWS_ACCESS.type && env.store.policies.attachedTo(org.id, target.id, type).length <= 1) {
    throw constraintViolation('MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED');
  }
  env.store.write(() => env.store.policies.detach(org.id, policyId, target.id));
  return {};
}
