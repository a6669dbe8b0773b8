import { describe, expect, it } from 'vitest';
import { pooledRandomBytes, pooledRandomHex } from './random-pool.js';

describe('pooled random bytes', () => {
  it('hands out fresh bytes in buffers of their own, across refills', () => {
    const ivs = Array.from({ length: 1000 }, () => pooledRandomBytes(12));
    expect(new Set(ivs.map((b) => b.toString('hex'))).size).toBe(1000);
    const first = Buffer.from(ivs[0]!);
    pooledRandomBytes(4096);
    expect(ivs[0]!.equals(first)).toBe(true);
  });

  it('gives hex of twice the length and refuses more than a pool', () => {
    expect(pooledRandomHex(10)).toMatch(/^[0-9a-f]{20}$/);
    expect(() => pooledRandomBytes(4097)).toThrow(/at most 4096/);
  });
});
