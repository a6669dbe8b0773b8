import { describe, expect, it } from 'vitest';
import { checkBucketName, isValidBucketName } from './bucket-name.js';

describe('bucket names (S3 UG, general purpose bucket naming rules)', () => {
  it('accepts 3 to 63 lower-case letters, digits, dots and hyphens that start and end alphanumeric', () => {
    for (const name of ['abc', 'my-bucket.logs', 'a'.repeat(63), '1bucket9'])
      expect(isValidBucketName(name)).toBe(true);
  });

  it('refuses the shapes AWS refuses', () => {
    for (const name of [
      'ab',
      'a'.repeat(64),
      'MyBucket',
      '-start',
      'end.',
      'two..dots',
      '10.1.2.3',
      'under_score',
      'xn--bucket',
      'sthree-bucket',
      'amzn-s3-demo-bucket',
      'bucket-s3alias',
      'bucket--ol-s3',
      'bucket.mrap',
      'bucket--x-s3',
      'bucket--table-s3',
    ]) {
      expect(isValidBucketName(name), name).toBe(false);
    }
  });

  it('throws InvalidBucketName with the name', () => {
    expect(() => checkBucketName('Bad')).toThrow(
      expect.objectContaining({ code: 'InvalidBucketName', extra: { BucketName: 'Bad' }, status: 400 }),
    );
  });
});
