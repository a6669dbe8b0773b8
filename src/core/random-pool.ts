// Cryptographically random bytes served from a pool refilled 4 KiB at a time. Every `randomBytes` call costs a trip
// into OpenSSL (a visible share of a small request here); ids and IVs need a few bytes per request. The pool holds
// CSPRNG output, and each byte is handed out once.
import { randomBytes } from 'node:crypto';

const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

function take(length: number): number {
  if (length > POOL_SIZE) throw new Error(`at most ${POOL_SIZE} pooled random bytes at a time`);
  if (offset + length > pool.length) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  const start = offset;
  offset += length;
  return start;
}

/** `length` fresh random bytes in a buffer of their own. */
export function pooledRandomBytes(length: number): Buffer {
  const start = take(length);
  return Buffer.from(pool.subarray(start, start + length));
}

/** `length` fresh random bytes as lower-case hex. */
export function pooledRandomHex(length: number): string {
  const start = take(length);
  return pool.toString('hex', start, start + length);
}
