import { describe, expect, it } from 'vitest';
import { blobKeyId, canonicalContext, decryptBlob, encryptBlob, newKeyMaterial } from './ciphertext.js';

const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';

describe('ciphertext blobs', () => {
  it('round-trips, names its key, and does not contain the plaintext', () => {
    const material = newKeyMaterial();
    const blob = encryptBlob(KEY_ID, material, Buffer.from('hello world'), { a: '1' });
    expect(blobKeyId(blob)).toBe(KEY_ID);
    expect(blob.includes(Buffer.from('hello world'))).toBe(false);
    expect(decryptBlob(material, blob, { a: '1' })?.toString()).toBe('hello world');
  });

  it('binds the context regardless of the order its pairs are given in', () => {
    expect(canonicalContext({ b: '2', a: '1' }).equals(canonicalContext({ a: '1', b: '2' }))).toBe(true);
    const material = newKeyMaterial();
    const blob = encryptBlob(KEY_ID, material, Buffer.from('x'), { b: '2', a: '1' });
    expect(decryptBlob(material, blob, { a: '1', b: '2' })?.toString()).toBe('x');
    expect(decryptBlob(material, blob, { a: '1' })).toBeUndefined();
    expect(decryptBlob(material, blob, undefined)).toBeUndefined();
  });

  it('fails authentication for other material, a changed header or body, and short input', () => {
    const material = newKeyMaterial();
    const blob = encryptBlob(KEY_ID, material, Buffer.from('secret'), undefined);
    expect(decryptBlob(newKeyMaterial(), blob, undefined)).toBeUndefined();
    for (const index of [1, blob.length - 1]) {
      const changed = Buffer.from(blob);
      changed[index]! ^= 0x01;
      expect(decryptBlob(material, changed, undefined)).toBeUndefined();
    }
    expect(blobKeyId(Buffer.from('short'))).toBeUndefined();
    expect(decryptBlob(material, Buffer.from('short'), undefined)).toBeUndefined();
  });
});
