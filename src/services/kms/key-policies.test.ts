import { describe, expect, it } from 'vitest';
import { awsJson, awsManagedKeyPolicy, defaultKeyPolicy } from './key-policies.js';

describe('key policies KMS writes', () => {
  it('prints JSON the way KMS does', () => {
    expect(awsJson({ A: 'x', B: ['y', 'z'], C: { D: 1 } })).toBe(
      '{\n  "A" : "x",\n  "B" : [ "y", "z" ],\n  "C" : {\n    "D" : 1\n  }\n}',
    );
  });

  it('writes the default policy with the account principal and kms:*', () => {
    expect(JSON.parse(defaultKeyPolicy('111122223333'))).toEqual({
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    });
  });

  it('limits an AWS managed key to its account through its service', () => {
    const statement = JSON.parse(awsManagedKeyPolicy('111122223333', 'us-east-1', 'rds')).Statement[0];
    expect(statement.Principal).toEqual({ AWS: '*' });
    expect(statement.Action).toContain('kms:CreateGrant');
    expect(statement.Condition).toEqual({
      StringEquals: { 'kms:CallerAccount': '111122223333', 'kms:ViaService': 'rds.us-east-1.amazonaws.com' },
    });
  });
});
