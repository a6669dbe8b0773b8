import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, matchingStep, newTotpSecret, timeStep, totpCode } from './totp.js';

// RFC 6238 appendix B, SHA-1 rows: the 8-digit values for the ASCII secret "12345678901234567890".
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: readonly [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('totpCode', () => {
  it.each(RFC_VECTORS)('matches RFC 6238 at T=%i seconds', (seconds, expected) => {
    expect(totpCode(RFC_SECRET, timeStep(seconds * 1000), 8)).toBe(expected);
    expect(totpCode(RFC_SECRET, timeStep(seconds * 1000))).toBe(expected.slice(2));
  });

  it('finds the matching step among candidates and nothing for a wrong code', () => {
    const step = timeStep(1111111111 * 1000);
    expect(matchingStep(RFC_SECRET, '050471', [step - 1, step, step + 1])).toBe(step);
    expect(matchingStep(RFC_SECRET, '050471', [step + 1, step + 2])).toBeUndefined();
  });
});

describe('base32', () => {
  it('encodes RFC 4648 test vectors without padding and decodes them back', () => {
    const vectors: [string, string][] = [
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(base32Decode(encoded).toString()).toBe(plain);
    }
    expect(base32Decode('MZXW6YQ=').toString()).toBe('foob');
    expect(() => base32Decode('M1')).toThrow(/base32/);
  });

  it('gives 64 characters for a new secret, as AWS seeds have', () => {
    expect(base32Encode(newTotpSecret())).toMatch(/^[A-Z2-7]{64}$/);
  });
});

describe.skipIf(!existsSync('/usr/bin/oathtool'))('interoperability with oathtool', () => {
  it('computes the codes oathtool --totp -b computes for the same seed and time', () => {
    const seed = base32Encode(newTotpSecret());
    for (const seconds of [0, 59, 1700000000, 1700000029, 1700000030]) {
      const r = spawnSync('/usr/bin/oathtool', ['--totp', '-b', '-N', `@${seconds}`, seed], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(totpCode(base32Decode(seed), timeStep(seconds * 1000))).toBe(r.stdout.trim());
    }
  });
});
