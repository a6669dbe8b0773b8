import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ChecksumSet, checksumBase64, createChecksum } from './checksum.js';
import { crc32, crc32Portable } from './crc32.js';
import { crc32c } from './crc32c.js';
import { Crc64Nvme } from './crc64nvme.js';

const CHECK = Buffer.from('123456789');

// Bit-at-a-time reference, independent of the table engines under test.
function referenceCrc64Nvme(data: Uint8Array): bigint {
  const poly = 0x9a6c9329ac4bc9b5n;
  const mask = (1n << 64n) - 1n;
  let crc = mask;
  for (const byte of data) {
    crc ^= BigInt(byte);
    for (let k = 0; k < 8; k++) crc = crc & 1n ? (crc >> 1n) ^ poly : crc >> 1n;
  }
  return crc ^ mask;
}

function referenceCrc32(data: Uint8Array, poly: number): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ poly : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('CRC check values', () => {
  it('matches the catalogue check value of each CRC for "123456789"', () => {
    expect(crc32(CHECK)).toBe(0xcbf43926);
    expect(crc32Portable(CHECK)).toBe(0xcbf43926);
    expect(crc32c(CHECK)).toBe(0xe3069283);
    const crc64 = new Crc64Nvme();
    crc64.update(CHECK);
    expect(crc64.digest().toString('hex')).toBe('ae8b14860a799888');
  });

  it('encodes digests big-endian in base64 as the SDKs send them', () => {
    expect(checksumBase64('CRC32', CHECK)).toBe('y/Q5Jg==');
    expect(checksumBase64('CRC32C', CHECK)).toBe('4waSgw==');
    expect(checksumBase64('CRC64NVME', CHECK)).toBe('rosUhgp5mIg=');
    expect(checksumBase64('CRC32', Buffer.alloc(0))).toBe('AAAAAA==');
    expect(checksumBase64('CRC64NVME', Buffer.alloc(0))).toBe('AAAAAAAAAAA=');
    expect(checksumBase64('SHA256', Buffer.alloc(0))).toBe('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(checksumBase64('SHA1', Buffer.alloc(0))).toBe('2jmj7l5rSw0yVb/vlWAYkK/YBwk=');
    expect(checksumBase64('MD5', Buffer.alloc(0))).toBe('1B2M2Y8AsgTpgAmY7PhCfg==');
  });

  it("reproduces the CRC32C of the S3 documentation's trailer example (66560 bytes of 'a')", () => {
    expect(checksumBase64('CRC32C', Buffer.alloc(66560, 'a'))).toBe('sOO8/Q==');
  });
});

describe('table engines against bitwise references', () => {
  const lengths = [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 1000, 4099];

  it.each(lengths)('agree on %i random bytes', (length) => {
    const data = randomBytes(length);
    expect(crc32Portable(data)).toBe(referenceCrc32(data, 0xedb88320));
    expect(crc32(data)).toBe(referenceCrc32(data, 0xedb88320));
    expect(crc32c(data)).toBe(referenceCrc32(data, 0x82f63b78));
    const crc64 = new Crc64Nvme();
    crc64.update(data);
    expect(crc64.digest().readBigUInt64BE(0)).toBe(referenceCrc64Nvme(data));
  });

  it.each(lengths)('CRC64NVME agrees on %i bytes at every alignment', (length) => {
    const backing = new Uint8Array(new ArrayBuffer(length + 3));
    backing.set(randomBytes(length + 3));
    for (let offset = 0; offset < 4; offset++) {
      const data = backing.subarray(offset, offset + Math.max(0, Math.min(length, backing.length - offset)));
      const crc64 = new Crc64Nvme();
      crc64.update(data);
      expect(crc64.digest().readBigUInt64BE(0)).toBe(referenceCrc64Nvme(Buffer.from(data)));
    }
  });
});

describe('streaming', () => {
  it('gives the same digest however the body is split', () => {
    const data = randomBytes(10_001);
    for (const algorithm of ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256', 'MD5'] as const) {
      const whole = checksumBase64(algorithm, data);
      const parts = createChecksum(algorithm);
      for (let i = 0; i < data.length; i += 333) parts.update(data.subarray(i, i + 333));
      expect(parts.digest().toString('base64')).toBe(whole);
      expect(parts.digest().toString('base64')).toBe(whole);
    }
  });

  it('feeds several algorithms from one pass', () => {
    const data = randomBytes(5000);
    const set = new ChecksumSet(['CRC32', 'MD5']);
    set.update(data.subarray(0, 1234));
    set.update(data.subarray(1234));
    expect(set.base64('CRC32')).toBe(checksumBase64('CRC32', data));
    expect(set.digest('MD5').toString('hex')).toBe(createChecksumHex('MD5', data));
    expect(set.has('SHA256')).toBe(false);
    expect(() => set.digest('SHA256')).toThrow(/not computed/);
  });

  it('refuses updates after a CRC digest', () => {
    const checksum = createChecksum('CRC32C');
    checksum.digest();
    expect(() => checksum.update(CHECK)).toThrow(/already digested/);
  });
});

function createChecksumHex(algorithm: 'MD5', data: Uint8Array): string {
  const checksum = createChecksum(algorithm);
  checksum.update(data);
  return checksum.digest().toString('hex');
}
