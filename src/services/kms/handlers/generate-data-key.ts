// GenerateDataKey and GenerateDataKeyWithoutPlaintext: a fresh random data key, returned encrypted under the KMS
// key (and in plaintext, unless asked not to).
import { dataKeyLength, encryptWith, newDataKey } from '../crypto/crypto-ops.js';
import { contextOf, type KeyHandler } from '../key-operation.js';

export const generateDataKey: KeyHandler = (input, _call, { key }) => {
  const plaintext = newDataKey(dataKeyLength(input));
  const blob = encryptWith(key, plaintext, contextOf(input));
  return { CiphertextBlob: blob, Plaintext: plaintext, KeyId: key.arn };
};

export const generateDataKeyWithoutPlaintext: KeyHandler = (input, _call, { key }) => {
  const blob = encryptWith(key, newDataKey(dataKeyLength(input)), contextOf(input));
  return { CiphertextBlob: blob, KeyId: key.arn };
};
