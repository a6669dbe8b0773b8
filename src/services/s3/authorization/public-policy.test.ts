import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../policy/index.js';
import { isPublicPolicy } from './public-policy.js';

function isPublic(...statements: object[]): boolean {
  const { document } = parsePolicy({ Version: '2012-10-17', Statement: statements }, 's3-bucket');
  if (document === undefined) throw new Error('test policy does not parse');
  return isPublicPolicy(document);
}

const base = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };

describe('isPublicPolicy (S3 UG, "The meaning of public")', () => {
  it('calls a wildcard principal without limiting conditions public', () => {
    expect(isPublic({ ...base, Principal: '*' })).toBe(true);
    expect(isPublic({ ...base, Principal: { AWS: '*' } })).toBe(true);
  });

  it('calls fixed principals non-public, and ignores Deny statements', () => {
    expect(isPublic({ ...base, Principal: { AWS: '111111111111' } })).toBe(false);
    expect(isPublic({ ...base, Principal: { Service: 'logging.s3.amazonaws.com' } })).toBe(false);
    expect(isPublic({ ...base, Effect: 'Deny', Principal: '*' })).toBe(false);
  });

  it('accepts fixed values of the limiting keys, not wildcards, negations or IfExists', () => {
    const limited = (condition: object) => isPublic({ ...base, Principal: '*', Condition: condition });
    expect(limited({ StringEquals: { 'aws:SourceAccount': '111111111111' } })).toBe(false);
    expect(limited({ StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } })).toBe(false);
    expect(limited({ ArnEquals: { 'aws:SourceArn': 'arn:aws:s3:::src' } })).toBe(false);
    expect(limited({ StringLike: { 'aws:SourceAccount': '1111*' } })).toBe(true);
    expect(limited({ StringNotEquals: { 'aws:SourceAccount': '111111111111' } })).toBe(true);
    expect(limited({ StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1' } })).toBe(true);
    expect(limited({ StringEquals: { 's3:prefix': 'home/' } })).toBe(true);
    expect(limited({ StringLike: { 'aws:userid': 'AROAEXAMPLE:*' } })).toBe(true);
  });

  it('accepts aws:SourceIp ranges no broader than /8 (IPv4) or /32 (IPv6)', () => {
    const ip = (cidr: string) =>
      isPublic({ ...base, Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': cidr } } });
    expect(ip('203.0.113.0/24')).toBe(false);
    expect(ip('10.0.0.0/8')).toBe(false);
    expect(ip('0.0.0.0/1')).toBe(true);
    expect(ip('2001:db8::/32')).toBe(false);
    expect(ip('2001::/16')).toBe(true);
  });

  it('is public when any one Allow statement is', () => {
    expect(isPublic({ ...base, Principal: { AWS: '111111111111' } }, { ...base, Principal: '*' })).toBe(true);
  });
});
