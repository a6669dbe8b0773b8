import { describe, expect, it } from 'vitest';
import { validatePolicy } from './validate-catalog.js';

const codes = (statement: object) =>
  validatePolicy({ Version: '2012-10-17', Statement: [statement] }, 'identity').map((d) => `${d.severity} ${d.code}`);

describe('validatePolicy (catalog warnings)', () => {
  it('accepts a correct policy without warnings', () => {
    expect(
      codes({
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:List*'],
        Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
      }),
    ).toEqual([]);
  });

  it('warns about unknown services and actions', () => {
    expect(codes({ Effect: 'Allow', Action: 'nosuchsvc:Get', Resource: '*' })).toEqual(['warning UnknownService']);
    expect(codes({ Effect: 'Allow', Action: 's3:GetObjekt', Resource: '*' })).toEqual(['warning UnknownAction']);
  });

  it('warns about condition keys that are unknown or unsupported by the actions', () => {
    expect(
      codes({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { StringEquals: { 's3:nosuchkey': 'x' } },
      }),
    ).toEqual(['warning UnknownConditionKey']);
    expect(
      codes({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { StringEquals: { 's3:prefix': 'x' } },
      }),
    ).toEqual(['warning UnsupportedConditionKey']);
    expect(
      codes({
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: '*',
        Condition: { StringEquals: { 's3:prefix': 'x' } },
      }),
    ).toEqual([]);
    expect(
      codes({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalTag/team': 'x' } },
      }),
    ).toEqual([]);
  });

  it('knows the S3 object tag keys, which the catalog names with a <key> part', () => {
    for (const key of ['s3:ExistingObjectTag/team', 's3:RequestObjectTag/cost-center']) {
      expect(
        codes({
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:PutObject'],
          Resource: 'arn:aws:s3:::b/*',
          Condition: { StringEquals: { [key]: 'x' } },
        }),
      ).toEqual([]);
    }
    expect(
      codes({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::b/*',
        Condition: { StringEquals: { 's3:ExistingObjectTag/': 'x' } },
      }),
    ).toEqual(['warning UnknownConditionKey']);
  });

  it('warns when a resource matches no resource type of the actions', () => {
    expect(codes({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket' })).toEqual([
      'warning ResourceMismatch',
    ]);
    expect(codes({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::bucket' })).toEqual([]);
  });

  it('reads a bucket name as one path segment, and lets a wildcard stand for slashes', () => {
    const warningsFor = (action: string, resource: string) =>
      codes({ Effect: 'Allow', Action: action, Resource: resource });
    for (const resource of ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/prefix/*', 'arn:aws:s3:::b/key']) {
      expect(warningsFor('s3:ListBucket', resource)).toEqual(['warning ResourceMismatch']);
      expect(warningsFor('s3:GetBucketAcl', resource)).toEqual(['warning ResourceMismatch']);
    }
    expect(warningsFor('s3:ListBucket', 'arn:aws:s3:::b*')).toEqual([]);
    expect(warningsFor('s3:GetObject', 'arn:aws:s3:::b*')).toEqual([]);
    expect(warningsFor('s3:GetObject', 'arn:aws:s3:::*')).toEqual([]);
    // A log group name holds slashes, and is followed by a colon rather than a slash in its ARN.
    expect(
      warningsFor('logs:PutLogEvents', 'arn:aws:logs:us-east-1:111111111111:log-group:/aws/lambda/f:log-stream:s'),
    ).toEqual([]);
  });

  it('keeps parse errors and adds nothing to an invalid policy', () => {
    expect(validatePolicy({ Statement: [{ Effect: 'Allow' }] }, 'identity').every((d) => d.severity === 'error')).toBe(
      true,
    );
  });
});
