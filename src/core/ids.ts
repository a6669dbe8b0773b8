// Identifiers in AWS's formats: IAM unique ids (AIDA..., AROA...), access keys, secrets, request ids.
import { randomBytes, randomUUID } from 'node:crypto';
import { pooledRandomHex } from './random-pool.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export type UniqueIdPrefix = 'AIDA' | 'AROA' | 'AGPA' | 'ANPA' | 'ANVA' | 'AIPA' | 'AKIA' | 'ASIA' | 'APKA';

/** An IAM unique id: the 4-letter prefix followed by 17 upper-case base32 characters (21 in all, as AWS issues). */
export function newUniqueId(prefix: UniqueIdPrefix, length = 21): string {
  return prefix + randomBase32(length - prefix.length);
}

/** An access key id: `AKIA`/`ASIA` plus 16 characters, 20 in all. */
export function newAccessKeyId(prefix: 'AKIA' | 'ASIA'): string {
  return prefix + randomBase32(16);
}

/** A 40-character secret access key. */
export function newSecretAccessKey(): string {
  return randomBytes(30).toString('base64').replace(/\+/g, 'A').replace(/\//g, 'B');
}

export function randomBase32(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += BASE32[byte & 31];
  return out;
}

export function newRequestId(): string {
  return randomUUID();
}

/**
 * A trail event id in the UUID version 7 layout: the millisecond time first, so ids sort by time and the trail's
 * unique index grows at its end instead of at a random place for every request.
 */
export function newEventId(now = Date.now()): string {
  const time = now.toString(16).padStart(12, '0');
  const random = pooledRandomHex(10);
  const variant = ((Number.parseInt(random[3]!, 16) & 0x3) | 0x8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(0, 3)}-${variant}${random.slice(4, 7)}-${random.slice(8, 20)}`;
}

/** S3-style request id: 16 upper-case hex characters. */
export function newS3RequestId(): string {
  return pooledRandomHex(8).toUpperCase();
}
