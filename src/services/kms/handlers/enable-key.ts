// EnableKey: lets the key be used again (not while it waits for deletion).
import type { KeyHandler } from '../key-operation.js';
import { requireNotPendingDeletion } from '../key-resolver.js';

export const enableKey: KeyHandler = (_input, _call, { key }, env) => {
  requireNotPendingDeletion(key);
  env.store.keys.setState(key.id, 'Enabled');
  return {};
};
