// The cryptography behind Encrypt, Decrypt, ReEncrypt and GenerateDataKey*, shared with the calls other services
// make on a requester's behalf: state checks, the key a ciphertext names, data key sizes.

import { AwsError } from '../../../core/aws-error.js';
import { pooledRandomBytes } from '../../../core/random-pool.js';
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type KeyLookup, requireEnabled, resolveKey } from '../key-resolver.js';
import { incorrectKey, invalidCiphertext, validation } from '../kms-errors.js';
import type { KmsStore } from '../kms-store.js';
import type { EncryptionContext } from '../repos/grants.js';
import { isDeleted, type KeyRecord } from '../repos/keys.js';
import { blobKeyId, decryptBlob, encryptBlob } from './ciphertext.js';

export const SYMMETRIC_ALGORITHM = 'SYMMETRIC_DEFAULT';

export function encryptWith(key: KeyRecord, plaintext: Buffer, context: EncryptionContext): Buffer {
  requireEnabled(key);
  return encryptBlob(key.id, key.material, plaintext, context);
}

export function decryptWith(key: KeyRecord, blob: Buffer, context: EncryptionContext): Buffer {
  requireEnabled(key);
  const plaintext = decryptBlob(key.material, blob, context);
  if (plaintext === undefined) throw invalidCiphertext();
  return plaintext;
}

/**
 * The key a ciphertext was made under (any account: the blob names it). When the request also names a key, it
 * must be that one (IncorrectKeyException otherwise).
 */
export function blobKey(store: KmsStore, call: CallContext, blob: Buffer, keyIdParam: unknown): KeyLookup {
  const id = blobKeyId(blob);
  const key = id === undefined ? undefined : store.keys.byId(id);
  if (key === undefined || key.region !== call.region || isDeleted(key, call.now)) throw invalidCiphertext();
  if (typeof keyIdParam !== 'string') return { key, requestAlias: undefined };
  const named = resolveKey(store, call, keyIdParam, { aliases: true });
  if (named.key.id !== key.id) throw incorrectKey();
  return named;
}

/** The data key length GenerateDataKey* asks for: `KeySpec` or `NumberOfBytes`, exactly one of them. */
export function dataKeyLength(input: Shaped): number {
  const spec = input.KeySpec;
  const bytes = input.NumberOfBytes;
  if ((spec === undefined) === (bytes === undefined)) {
    throw validation('Please specify either number of bytes or key spec.');
  }
  if (typeof bytes === 'number') return bytes;
  return spec === 'AES_128' ? 16 : 32;
}

export function newDataKey(length: number): Buffer {
  return pooledRandomBytes(length);
}

/** Only symmetric encryption exists here; an asymmetric algorithm does not fit the key. */
export function requireSymmetricAlgorithm(key: KeyRecord, algorithm: unknown): void {
  if (algorithm !== undefined && algorithm !== SYMMETRIC_ALGORITHM) {
    throw new AwsError(
      'InvalidKeyUsageException',
      `Algorithm ${String(algorithm)} is incompatible with key spec ${key.keySpec}.`,
    );
  }
}
