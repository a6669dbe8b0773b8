// UpdatePolicy: renames, redescribes or rewrites a customer policy; AWS managed policies are immutable. A new
// document applies at once wherever the policy is attached.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { invalidInput, orgError } from '../org-errors.js';
import { checkPolicyContent } from '../policy-content.js';
import { findPolicy } from '../policy-lookup.js';
import { policyView } from '../views.js';

export function updatePolicy(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const found = findPolicy(env.store, org, input.PolicyId as string);
  if ('managed' in found) throw invalidInput('IMMUTABLE_POLICY');
  const current = found.customer;
  const updated = {
    ...current,
    name: (input.Name as string | undefined) ?? current.name,
    description: (input.Description as string | undefined) ?? current.description,
    content: (input.Content as string | undefined) ?? current.content,
  };
  if (updated.content !== current.content) checkPolicyContent(updated.type, updated.content);
  if (env.store.policies.nameTaken(org.id, updated.type, updated.name, updated.id)) {
    throw orgError('DuplicatePolicyException');
  }
  env.store.write(() => env.store.policies.update(updated));
  return { Policy: policyView(org, { customer: updated }) };
}
