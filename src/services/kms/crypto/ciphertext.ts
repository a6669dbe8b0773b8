// Symmetric encryption as KMS does it, for real: AES-256-GCM under the key's own 32-byte material. The blob names
// its key (so Decrypt needs no KeyId) and binds the encryption context as additional authenticated data, so that
// decrypting with any other context fails authentication.
//
// Blob layout: version (1 byte) | key id (16 bytes, the UUID's bytes) | IV (12) | GCM tag (16) | ciphertext.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { pooledRandomBytes } from '../../../core/random-pool.js';
import type { EncryptionContext } from '../repos/grants.js';

const VERSION = 1;
const KEY_ID_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + KEY_ID_BYTES;
const MIN_BLOB = HEADER_BYTES + IV_BYTES + TAG_BYTES;

export function newKeyMaterial(): Buffer {
  return randomBytes(32);
}

/** Context pairs sorted by key, so that the order a client sends them in does not matter. */
export function canonicalContext(context: EncryptionContext | undefined): Buffer {
  const entries = Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Buffer.from(JSON.stringify(entries), 'utf8');
}

function keyIdBytes(keyId: string): Buffer {
  return Buffer.from(keyId.replace(/-/g, ''), 'hex');
}

function keyIdOf(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function encryptBlob(
  keyId: string,
  material: Buffer,
  plaintext: Buffer,
  context: EncryptionContext | undefined,
): Buffer {
  const header = Buffer.concat([Buffer.from([VERSION]), keyIdBytes(keyId)]);
  const iv = pooledRandomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', material, iv);
  cipher.setAAD(Buffer.concat([header, canonicalContext(context)]));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([header, iv, cipher.getAuthTag(), body]);
}

/** The id of the key a blob was made under, or undefined when the blob is not one of ours. */
export function blobKeyId(blob: Buffer): string | undefined {
  if (blob.length < MIN_BLOB || blob[0] !== VERSION) return undefined;
  return keyIdOf(blob.subarray(1, HEADER_BYTES));
}

/** The plaintext, or undefined when the blob was altered or the context differs from the one it was made with. */
export function decryptBlob(
  material: Buffer,
  blob: Buffer,
  context: EncryptionContext | undefined,
): Buffer | undefined {
  if (blob.length < MIN_BLOB) return undefined;
  const header = blob.subarray(0, HEADER_BYTES);
  const iv = blob.subarray(HEADER_BYTES, HEADER_BYTES + IV_BYTES);
  const tag = blob.subarray(HEADER_BYTES + IV_BYTES, MIN_BLOB);
  const decipher = createDecipheriv('aes-256-gcm', material, iv);
  decipher.setAAD(Buffer.concat([header, canonicalContext(context)]));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(blob.subarray(MIN_BLOB)), decipher.final()]);
  } catch {
    return undefined;
  }
}
