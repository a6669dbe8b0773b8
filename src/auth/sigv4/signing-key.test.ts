import { describe, expect, it } from 'vitest';
import { deriveSigningKey, SigningKeyCache, signatureHex, signaturesEqual } from './signing-key.js';

describe('deriveSigningKey', () => {
  it('matches the AWS General Reference example (iam, us-east-1, 20120215)', () => {
    const key = deriveSigningKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20120215', 'us-east-1', 'iam');
    expect(key.toString('hex')).toBe('f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d');
  });

  it('signs with hex HMAC-SHA256', () => {
    expect(signatureHex(Buffer.from('key'), 'data')).toBe(
      '5031fe3d989c6d1537a013fa6e739da23463fdaec3b70137d828e36ace221bd0',
    );
  });
});

describe('SigningKeyCache', () => {
  it('returns the derived key and reuses it', () => {
    const cache = new SigningKeyCache(2);
    const first = cache.get('secret', '20260101', 'us-east-1', 's3');
    expect(first.equals(deriveSigningKey('secret', '20260101', 'us-east-1', 's3'))).toBe(true);
    expect(cache.get('secret', '20260101', 'us-east-1', 's3')).toBe(first);
  });

  it('evicts the least recently used key beyond its capacity', () => {
    const cache = new SigningKeyCache(2);
    const a = cache.get('a', '20260101', 'us-east-1', 's3');
    cache.get('b', '20260101', 'us-east-1', 's3');
    cache.get('a', '20260101', 'us-east-1', 's3');
    cache.get('c', '20260101', 'us-east-1', 's3');
    expect(cache.size).toBe(2);
    expect(cache.get('a', '20260101', 'us-east-1', 's3')).toBe(a);
    expect(cache.get('b', '20260101', 'us-east-1', 's3')).not.toBe(a);
  });

  it('keeps keys apart by secret, date, region and service', () => {
    const cache = new SigningKeyCache();
    const base = cache.get('s', '20260101', 'us-east-1', 's3');
    expect(cache.get('s', '20260102', 'us-east-1', 's3').equals(base)).toBe(false);
    expect(cache.get('s', '20260101', 'eu-west-1', 's3').equals(base)).toBe(false);
    expect(cache.get('s', '20260101', 'us-east-1', 'sts').equals(base)).toBe(false);
    expect(cache.get('t', '20260101', 'us-east-1', 's3').equals(base)).toBe(false);
  });
});

describe('signaturesEqual', () => {
  it('compares exactly', () => {
    expect(signaturesEqual('ab', 'ab')).toBe(true);
    expect(signaturesEqual('ab', 'ac')).toBe(false);
    expect(signaturesEqual('ab', 'abc')).toBe(false);
  });
});
