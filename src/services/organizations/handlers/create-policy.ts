// CreatePolicy: a customer managed policy of any type; SCP and RCP documents are checked by the policy engine.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireAllFeatures, requireManagement } from '../org-env.js';
import { constraintViolation, orgError } from '../org-errors.js';
import { newPolicyId } from '../org-ids.js';
import { checkPolicyContent } from '../policy-content.js';
import type { PolicyRecord } from '../store/records.js';
import { readTags } from '../tag-input.js';
import { policyView } from '../views.js';

/** Organizations' quota of policies of one type per organization. */
const MAX_POLICIES_PER_TYPE = 1000;

export function createPolicy(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  requireAllFeatures(org);
  const policy: PolicyRecord = {
    id: newPolicyId(),
    organizationId: org.id,
    type: input.Type as string,
    name: input.Name as string,
    description: input.Description as string,
    content: input.Content as string,
    createdAt: call.now,
  };
  const tags = readTags(input.Tags);
  checkPolicyContent(policy.type, policy.content);
  if (env.store.policies.nameTaken(org.id, policy.type, policy.name)) throw orgError('DuplicatePolicyException');
  if (env.store.policies.ofType(org.id, policy.type).length >= MAX_POLICIES_PER_TYPE) {
    throw constraintViolation('POLICY_NUMBER_LIMIT_EXCEEDED');
  }
  env.store.write(() => {
    env.store.policies.insert(policy);
    env.store.tags.put(org.id, policy.id, tags);
  });
  return { Policy: policyView(org, { customer: policy }) };
}
