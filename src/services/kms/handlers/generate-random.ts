// GenerateRandom: 1 to 1024 random bytes; needs no key.
import { randomBytes } from 'node:crypto';
import type { Shaped } from '../../../protocol/index.js';
import { unsupported, validation } from '../kms-errors.js';

export function generateRandom(input: Shaped): Shaped {
  if (input.NumberOfBytes === undefined) throw validation('NumberOfBytes is required.');
  if (input.CustomKeyStoreId !== undefined) throw unsupported('xacct has no custom key stores.');
  return { Plaintext: randomBytes(Number(input.NumberOfBytes)) };
}
