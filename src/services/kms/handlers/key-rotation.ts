// EnableKeyRotation, DisableKeyRotation and GetKeyRotationStatus: the automatic rotation setting of a key. xacct
// records the setting and the period; key material is not rotated.
import type { KeyHandler } from '../key-operation.js';
import { requireEnabled } from '../key-resolver.js';

const DEFAULT_PERIOD_DAYS = 365;

export const enableKeyRotation: KeyHandler = (input, _call, { key }, env) => {
  requireEnabled(key);
  const days = typeof input.RotationPeriodInDays === 'number' ? input.RotationPeriodInDays : DEFAULT_PERIOD_DAYS;
  env.store.keys.setRotation(key.id, days);
  return {};
};

export const disableKeyRotation: KeyHandler = (_input, _call, { key }, env) => {
  requireEnabled(key);
  env.store.keys.setRotation(key.id, undefined);
  return {};
};

export const getKeyRotationStatus: KeyHandler = (_input, _call, { key }) => ({
  KeyId: key.arn,
  KeyRotationEnabled: key.rotationPeriodDays !== undefined,
  RotationPeriodInDays: key.rotationPeriodDays,
});
