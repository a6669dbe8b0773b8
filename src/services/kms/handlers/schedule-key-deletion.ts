// ScheduleKeyDeletion: the key becomes unusable now and is deleted when the waiting period (7 to 30 days) ends.
import type { KeyHandler } from '../key-operation.js';
import { requireNotPendingDeletion } from '../key-resolver.js';
import { validation } from '../kms-errors.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export const scheduleKeyDeletion: KeyHandler = (input, call, { key }, env) => {
  const days = typeof input.PendingWindowInDays === 'number' ? input.PendingWindowInDays : 30;
  if (days < 7 || days > 30) {
    const bound = days < 7 ? 'greater than or equal to 7' : 'less than or equal to 30';
    throw validation(
      `1 validation error detected: Value '${days}' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value ${bound}`,
    );
  }
  requireNotPendingDeletion(key);
  const deletionDate = call.now + days * DAY_MS;
  env.store.keys.setState(key.id, 'PendingDeletion', deletionDate, days);
  return {
    KeyId: key.arn,
    DeletionDate: new Date(deletionDate),
    KeyState: 'PendingDeletion',
    PendingWindowInDays: days,
  };
};
