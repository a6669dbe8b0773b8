import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { packedPolicySize } from './packed-policy-size.js';

const SMALL = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';

describe('packedPolicySize', () => {
  it('puts a small policy in the single digits', () => {
    const percent = packedPolicySize({ documents: [], inlineText: SMALL, arns: [] }, {});
    expect(percent).toBeGreaterThan(0);
    expect(percent).toBeLessThan(10);
  });

  it('counts policy ARNs and tags', () => {
    const base = packedPolicySize({ documents: [], inlineText: SMALL, arns: [] }, {});
    const more = packedPolicySize(
      { documents: [], inlineText: SMALL, arns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] },
      { Project: 'Automation', CostCenter: '12345' },
    );
    expect(more).toBeGreaterThan(base);
  });

  it('refuses long varied tags with the session-tags message', () => {
    const tags: Record<string, string> = {};
    for (let i = 0; i < 50; i++) tags[`k${i}${randomBytes(40).toString('hex')}`] = randomBytes(100).toString('hex');
    expect(() => packedPolicySize({ documents: [], inlineText: undefined, arns: [] }, tags)).toThrow(
      /^Packed size of session tags consumes \d+% of allotted space\.$/,
    );
  });

  it('refuses a large varied policy with the policy message', () => {
    const resources = Array.from({ length: 30 }, () => `"arn:aws:s3:::${randomBytes(40).toString('hex')}/*"`);
    const policy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":[${resources.join(',')}]}]}`;
    expect(() => packedPolicySize({ documents: [], inlineText: policy, arns: [] }, {})).toThrow(
      /^Packed policy consumes \d+% of allotted space, please use smaller policy\.$/,
    );
  });
});
