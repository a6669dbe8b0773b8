// Decrypt: the key comes from the ciphertext itself (any account's key, as the blob names it); a KeyId, when given,
// must name that same key. A different encryption context fails authentication: InvalidCiphertextException.
import type { ServiceOperation } from '../../types.js';
import { keyTarget } from '../authorization/key-target.js';
import { blobKey, decryptWith, requireSymmetricAlgorithm, SYMMETRIC_ALGORITHM } from '../crypto/crypto-ops.js';
import { contextOf, type KmsEnv } from '../key-operation.js';
import { dryRunSucceeded } from '../kms-errors.js';

export function decryptOperation(env: KmsEnv): ServiceOperation {
  return {
    authorization: (input, call) =>
      keyTarget(env.store, call, {
        action: 'kms:Decrypt',
        lookup: blobKey(env.store, call, input.CiphertextBlob as Buffer, input.KeyId),
        crossAccount: true,
        grant: { operation: 'Decrypt' },
        encryptionContext: contextOf(input),
        context: { 'kms:EncryptionAlgorithm': String(input.EncryptionAlgorithm ?? SYMMETRIC_ALGORITHM) },
      }),
    handle: (input, call) => {
      const { key } = blobKey(env.store, call, input.CiphertextBlob as Buffer, input.KeyId);
      requireSymmetricAlgorithm(key, input.EncryptionAlgorithm);
      if (input.DryRun === true) throw dryRunSucceeded();
      const plaintext = decryptWith(key, input.CiphertextBlob as Buffer, contextOf(input));
      return { KeyId: key.arn, Plaintext: plaintext, EncryptionAlgorithm: SYMMETRIC_ALGORITHM };
    },
  };
}
