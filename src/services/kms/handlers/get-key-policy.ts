// GetKeyPolicy: the key policy exactly as it was stored.
import type { KeyHandler } from '../key-operation.js';
import { requireDefaultPolicyName } from './put-key-policy.js';

export const getKeyPolicy: KeyHandler = (input, _call, { key }) => {
  requireDefaultPolicyName(input);
  return { Policy: key.policy, PolicyName: 'default' };
};
