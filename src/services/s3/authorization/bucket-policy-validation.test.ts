import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../../storage/index.js';
import { checkBucketPolicy } from './bucket-policy-validation.js';

const storage = openStorage({ memory: true });
const NOBODY = { principalId: () => undefined, generation: 0 };
afterAll(() => storage.close());

const BUCKET = 'arn:aws:s3:::b';
const base = { Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 's3:GetObject', Resource: `${BUCKET}/*` };

function check(...statements: object[]): string | undefined {
  try {
    checkBucketPolicy(storage.db, BUCKET, JSON.stringify({ Version: '2012-10-17', Statement: statements }), NOBODY);
    return undefined;
  } catch (error) {
    return `${(error as { code: string }).code}: ${(error as Error).message}`;
  }
}

describe('checkBucketPolicy', () => {
  it('accepts account principals, unknown aws: keys and statements whose actions fit some resource', () => {
    expect(check(base)).toBeUndefined();
    expect(check({ ...base, Principal: { AWS: 'arn:aws:iam::222222222222:root' } })).toBeUndefined();
    expect(check({ ...base, Condition: { StringEquals: { 'aws:SomeFutureKey': 'x' } } })).toBeUndefined();
    expect(
      check({ ...base, Action: ['s3:GetObject', 's3:ListBucket'], Resource: [BUCKET, `${BUCKET}/*`] }),
    ).toBeUndefined();
    expect(check({ ...base, Action: 's3:GetObject', Resource: [BUCKET, `${BUCKET}/*`] })).toBeUndefined();
  });

  it('refuses what S3 refuses, with its messages', () => {
    expect(check({ ...base, NotResource: 'arn:aws:s3:::other/*', Resource: undefined })).toBe(
      'MalformedPolicy: Policy has invalid resource',
    );
    expect(check({ ...base, Action: 'iam:PassRole' })).toBe('MalformedPolicy: Policy has invalid action');
    expect(check({ ...base, Principal: { CanonicalUser: 'c'.repeat(64) } })).toBe(
      'MalformedPolicy: Invalid principal in policy',
    );
    expect(check({ ...base, Principal: { AWS: 'arn:aws:iam::111111111111:role/missing' } })).toBe(
      'MalformedPolicy: Invalid principal in policy',
    );
    expect(check({ ...base, Condition: { IpAddress: { 'aws:SourceIp': '999.1.1.1/8' } } })).toBe(
      'MalformedPolicy: Invalid IP address in Conditions',
    );
    expect(check({ ...base, Effect: undefined })).toBe('MalformedPolicy: Missing required field Effect');
  });

  it('requires the first byte to be {', () => {
    expect(() => checkBucketPolicy(storage.db, BUCKET, ' {}', NOBODY)).toThrow(
      "Policies must be valid JSON and the first byte must be '{'",
    );
  });
});
