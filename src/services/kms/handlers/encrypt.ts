// Encrypt: up to 4096 bytes under a symmetric key, the encryption context bound into the ciphertext.
import { encryptWith, requireSymmetricAlgorithm, SYMMETRIC_ALGORITHM } from '../crypto/crypto-ops.js';
import { contextOf, type KeyHandler } from '../key-operation.js';

export const encrypt: KeyHandler = (input, _call, { key }) => {
  requireSymmetricAlgorithm(key, input.EncryptionAlgorithm);
  const blob = encryptWith(key, input.Plaintext as Buffer, contextOf(input));
  return { CiphertextBlob: blob, KeyId: key.arn, EncryptionAlgorithm: SYMMETRIC_ALGORITHM };
};
