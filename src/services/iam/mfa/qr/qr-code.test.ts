import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qrPng } from './png.js';
import { encodeQr } from './qr-code.js';
import { errorCorrection } from './reed-solomon.js';

describe('errorCorrection', () => {
  it('matches the worked example of ISO/IEC 18004 annex I (1-M "01234567")', () => {
    const data = [0x10, 0x20, 0x0c, 0x56, 0x61, 0x80, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11];
    expect(errorCorrection(data, 10)).toEqual([0xa5, 0x24, 0xd4, 0xc1, 0xed, 0x36, 0xc7, 0x87, 0x2c, 0x55]);
  });
});

describe('encodeQr', () => {
  it('picks the smallest version (21 + 4 modules per version) and draws the finder patterns', () => {
    expect(encodeQr(Buffer.from('hello'))).toHaveLength(21);
    const symbol = encodeQr(Buffer.alloc(100, 0x41)); // version 5-M holds 84 bytes, 6-M 106
    expect(symbol).toHaveLength(41);
    expect(symbol[0]!.slice(0, 8)).toEqual([true, true, true, true, true, true, true, false]);
    expect(symbol[3]!.slice(0, 7)).toEqual([true, false, true, true, true, false, true]);
  });

  it('refuses data beyond version 40', () => {
    expect(() => encodeQr(Buffer.alloc(3000))).toThrow(/do not fit/);
  });
});

describe('qrPng', () => {
  it('writes a PNG whose size covers the symbol and its quiet zone', () => {
    const png = qrPng(encodeQr(Buffer.from('hello')), 2);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe((21 + 8) * 2);
  });
});

describe.skipIf(!existsSync('/usr/bin/zbarimg'))('decoding with zbarimg', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xacct-qr-'));
  // Lengths chosen to land on many versions, including those with several blocks and with version information.
  it.each([1, 14, 30, 60, 100, 150, 200, 260, 330, 420, 520, 640, 800, 1000, 1400, 1800, 2300])(
    'reads back %i bytes',
    (length) => {
      const text = `otpauth://totp/${'x'.repeat(length)}`.slice(0, Math.max(length, 1));
      const file = join(dir, `qr-${length}.png`);
      writeFileSync(file, qrPng(encodeQr(Buffer.from(text)), 3));
      const r = spawnSync('/usr/bin/zbarimg', ['--raw', '-q', file], { encoding: 'utf8' });
      expect(r.stdout.replace(/\n$/, '')).toBe(text);
    },
  );
});
