// CancelKeyDeletion: a key waiting for deletion comes back, disabled.
import type { KeyHandler } from '../key-operation.js';
import { invalidState } from '../kms-errors.js';

export const cancelKeyDeletion: KeyHandler = (_input, _call, { key }, env) => {
  if (key.state !== 'PendingDeletion') throw invalidState(`${key.arn} is not pending deletion.`);
  env.store.keys.setState(key.id, 'Disabled');
  return { KeyId: key.arn };
};
