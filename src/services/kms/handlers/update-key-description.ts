// UpdateKeyDescription: replaces the key's description.
import type { KeyHandler } from '../key-operation.js';
import { requireNotPendingDeletion } from '../key-resolver.js';

export const updateKeyDescription: KeyHandler = (input, _call, { key }, env) => {
  requireNotPendingDeletion(key);
  env.store.keys.setDescription(key.id, String(input.Description));
  return {};
};
