// Signing-key derivation (HMAC chain over date, region, service), a small bounded cache of derived
// keys, hex signatures and the constant-time comparison of a claimed signature.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function hmac(key: Uint8Array | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
export function deriveSigningKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request');
}

/** Hex HMAC-SHA256 of the string to sign under the signing key. */
export function signatureHex(signingKey: Uint8Array, toSign: string): string {
  return createHmac('sha256', signingKey).update(toSign, 'utf8').digest('hex');
}

/** Constant-time equality of two hex signatures; the length check leaks only the length. */
export function signaturesEqual(expected: string, provided: string): boolean {
  if (expected.length !== provided.length) return false;
  return timingSafeEqual(Buffer.from(expected, 'latin1'), Buffer.from(provided, 'latin1'));
}

/**
 * Derived keys, least recently used evicted first. A key is valid for one day, region and service, so
 * a busy client hits the cache on every request after its first. One instance lives in the app's
 * dependencies (no module-level state).
 */
export class SigningKeyCache {
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly capacity = 256) {}

  get(secretAccessKey: string, date: string, region: string, service: string): Buffer {
    const id = `${date}/${region}/${service}/${secretAccessKey}`;
    const cached = this.keys.get(id);
    if (cached) {
      this.keys.delete(id);
      this.keys.set(id, cached);
      return cached;
    }
    const key = deriveSigningKey(secretAccessKey, date, region, service);
    if (this.keys.size >= this.capacity) this.keys.delete(this.keys.keys().next().value as string);
    this.keys.set(id, key);
    return key;
  }

  get size(): number {
    return this.keys.size;
  }
}
