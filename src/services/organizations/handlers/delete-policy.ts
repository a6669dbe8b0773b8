// DeletePolicy: only a customer policy attached nowhere.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { invalidInput, orgError } from '../org-errors.js';
import { findPolicy } from '../policy-lookup.js';

export function deletePolicy(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const found = findPolicy(env.store, org, input.PolicyId as string);
  if ('managed' in found) throw invalidInput('IMMUTABLE_POLICY');
  const id = found.customer.id;
  if (env.store.policies.targetsOf(org.id, id).length > 0) throw orgError('PolicyInUseException');
  env.store.write(() => {
    env.store.policies.delete(id);
    env.store.tags.removeAll(org.id, id);
  });
  return {};
}
