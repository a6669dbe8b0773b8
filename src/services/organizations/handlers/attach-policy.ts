// AttachPolicy: a policy of an enabled type goes onto a root, OU or account (at most five SCPs or RCPs each).
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireAllFeatures, requireManagement } from '../org-env.js';
import { constraintViolation, orgError } from '../org-errors.js';
import { findNode } from '../org-tree.js';
import { findPolicy, policyIdOf, policyTypeOf } from '../policy-lookup.js';

const MAX_ATTACHED: Readonly<Record<string, number>> = { SERVICE_CONTROL_POLICY: 5, RESOURCE_CONTROL_POLICY: 5 };
const MAX_ATTACHED_OTHER_TYPES = 10;

export function attachPolicy(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  requireAllFeatures(org);
  const policy = findPolicy(env.store, org, input.PolicyId as string);
  const target = findNode(env.store, org, input.TargetId as string);
  if (target === undefined) throw orgError('TargetNotFoundException');
  const type = policyTypeOf(policy);
  const policyId = policyIdOf(policy);
  if (!env.store.organizations.isPolicyTypeEnabled(org.id, type)) throw orgError('PolicyTypeNotEnabledException');
  if (env.store.policies.isAttached(org.id, policyId, target.id)) throw orgError('DuplicatePolicyAttachmentException');
  const attached = env.store.policies.attachedTo(org.id, target.id, type).length;
  if (attached >= (MAX_ATTACHED[type] ?? MAX_ATTACHED_OTHER_TYPES)) {
    throw constraintViolation('MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED');
  }
  env.store.write(() => env.store.policies.attach(org.id, { policyId, policyType: type, targetId: target.id }));
  return {};
}
