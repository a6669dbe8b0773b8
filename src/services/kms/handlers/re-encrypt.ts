// ReEncrypt: decrypts under the ciphertext's key and encrypts under the destination key without the plaintext
// leaving KMS; authorized as kms:ReEncryptFrom on the source key and kms:ReEncryptTo on the destination key.
import type { Shaped } from '../../../protocol/index.js';
import type { AuthorizationTarget, CallContext, ServiceOperation } from '../../types.js';
import { keyTarget } from '../authorization/key-target.js';
import {
  blobKey,
  decryptWith,
  encryptWith,
  requireSymmetricAlgorithm,
  SYMMETRIC_ALGORITHM,
} from '../crypto/crypto-ops.js';
import { contextOf, type KmsEnv } from '../key-operation.js';
import { type KeyLookup, resolveKey } from '../key-resolver.js';
import { dryRunSucceeded } from '../kms-errors.js';

function keysOf(env: KmsEnv, input: Shaped, call: CallContext): { source: KeyLookup; destination: KeyLookup } {
  return {
    source: blobKey(env.store, call, input.CiphertextBlob as Buffer, input.SourceKeyId),
    destination: resolveKey(env.store, call, String(input.DestinationKeyId), { aliases: true }),
  };
}

function targets(env: KmsEnv, input: Shaped, call: CallContext): AuthorizationTarget[] {
  const { source, destination } = keysOf(env, input, call);
  const sameKey = { 'kms:ReEncryptOnSameKey': source.key.id === destination.key.id };
  return [
    keyTarget(env.store, call, {
      action: 'kms:ReEncryptFrom',
      lookup: source,
      crossAccount: true,
      grant: { operation: 'ReEncryptFrom' },
      encryptionContext: contextOf(input, 'SourceEncryptionContext'),
      context: sameKey,
    }),
    keyTarget(env.store, call, {
      action: 'kms:ReEncryptTo',
      lookup: destination,
      crossAccount: true,
      grant: { operation: 'ReEncryptTo' },
      encryptionContext: contextOf(input, 'DestinationEncryptionContext'),
      context: sameKey,
    }),
  ];
}

export function reEncryptOperation(env: KmsEnv): ServiceOperation {
  return {
    authorization: (input, call) => targets(env, input, call),
    handle: (input, call) => {
      const { source, destination } = keysOf(env, input, call);
      requireSymmetricAlgorithm(source.key, input.SourceEncryptionAlgorithm);
      requireSymmetricAlgorithm(destination.key, input.DestinationEncryptionAlgorithm);
      if (input.DryRun === true) throw dryRunSucceeded();
      const plaintext = decryptWith(
        source.key,
        input.CiphertextBlob as Buffer,
        contextOf(input, 'SourceEncryptionContext'),
      );
      const blob = encryptWith(destination.key, plaintext, contextOf(input, 'DestinationEncryptionContext'));
      return {
        CiphertextBlob: blob,
        SourceKeyId: source.key.arn,
        KeyId: destination.key.arn,
        SourceEncryptionAlgorithm: SYMMETRIC_ALGORITHM,
        DestinationEncryptionAlgorithm: SYMMETRIC_ALGORITHM,
      };
    },
  };
}
