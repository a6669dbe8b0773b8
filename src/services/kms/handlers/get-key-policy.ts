// GetKeyPolicy: the key policy as it was stored, except that a user or role it names that was deleted since (or
// deleted and re-created) shows as the unique id the policy was bound to.
import { boundPolicyText, principalIds } from '../../bound-principals.js';
import type { KeyHandler } from '../key-operation.js';
import { requireDefaultPolicyName } from './put-key-policy.js';

export const getKeyPolicy: KeyHandler = (input, _call, { key }, env) => {
  requireDefaultPolicyName(input);
  const policy = boundPolicyText(key.policy, key.policyPrincipalIds, principalIds(env.deps));
  return { Policy: policy, PolicyName: 'default' };
};
