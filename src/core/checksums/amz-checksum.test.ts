import { describe, expect, it } from 'vitest';
import { isAwsError } from '../aws-error.js';
import { amzChecksumAlgorithmOf, amzChecksumHeader, isWellFormedChecksum, verifyAmzChecksum } from './amz-checksum.js';
import { createChecksum } from './checksum.js';

function digest(data: string): Buffer {
  const checksum = createChecksum('CRC32');
  checksum.update(Buffer.from(data));
  return checksum.digest();
}

function thrown(run: () => void): { code: string; message: string; status: number } {
  try {
    run();
  } catch (error) {
    if (isAwsError(error)) return { code: error.code, message: error.message, status: error.status };
    throw error;
  }
  throw new Error('expected an AwsError');
}

describe('header names', () => {
  it('maps algorithms to header names and back', () => {
    expect(amzChecksumHeader('CRC64NVME')).toBe('x-amz-checksum-crc64nvme');
    expect(amzChecksumAlgorithmOf('X-Amz-Checksum-CRC32C')).toBe('CRC32C');
    expect(amzChecksumAlgorithmOf('x-amz-checksum-md5')).toBeUndefined();
    expect(amzChecksumAlgorithmOf('content-md5')).toBeUndefined();
  });
});

describe('well-formedness', () => {
  it('requires canonical base64 of the digest size', () => {
    expect(isWellFormedChecksum('CRC32', 'y/Q5Jg==')).toBe(true);
    expect(isWellFormedChecksum('CRC32', 'y/Q5Jg')).toBe(false);
    expect(isWellFormedChecksum('CRC32', 'rosUhgp5mIg=')).toBe(false);
    expect(isWellFormedChecksum('CRC64NVME', 'rosUhgp5mIg=')).toBe(true);
    expect(isWellFormedChecksum('SHA256', 'not base64!')).toBe(false);
  });
});

describe('verifyAmzChecksum', () => {
  it('accepts a matching value', () => {
    expect(() =>
      verifyAmzChecksum('CRC32', digest('hello').toString('base64'), digest('hello'), 'header'),
    ).not.toThrow();
  });

  it('answers BadDigest naming the algorithm on a mismatch', () => {
    const error = thrown(() =>
      verifyAmzChecksum('CRC32', digest('other').toString('base64'), digest('hello'), 'trailer'),
    );
    expect(error).toEqual({
      code: 'BadDigest',
      message: 'The CRC32 you specified did not match the calculated checksum.',
      status: 400,
    });
  });

  it('answers InvalidRequest for a malformed value, naming header or trailer', () => {
    expect(thrown(() => verifyAmzChecksum('CRC32C', 'abc', digest('x'), 'header')).message).toBe(
      'Value for x-amz-checksum-crc32c header is invalid.',
    );
    expect(thrown(() => verifyAmzChecksum('CRC32C', 'abc', digest('x'), 'trailer')).message).toBe(
      'Value for x-amz-checksum-crc32c trailing header is invalid.',
    );
  });
});
