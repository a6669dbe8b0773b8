// DisableKey: the key stays, but cryptographic operations refuse it with DisabledException.
import type { KeyHandler } from '../key-operation.js';
import { requireNotPendingDeletion } from '../key-resolver.js';

export const disableKey: KeyHandler = (_input, _call, { key }, env) => {
  requireNotPendingDeletion(key);
  env.store.keys.setState(key.id, 'Disabled');
  return {};
};
