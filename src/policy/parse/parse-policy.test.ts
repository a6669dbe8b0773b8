import { describe, expect, it } from 'vitest';
import type { PolicyKind } from '../types.js';
import { parsePolicy } from './parse-policy.js';

const V = '2012-10-17';

function errors(doc: unknown, kind: PolicyKind = 'identity'): string[] {
  return parsePolicy(doc, kind)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.code} ${d.path}: ${d.message}`);
}

const allow = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };

describe('parsePolicy', () => {
  it('reads a statement object or array into the AST, values always as arrays', () => {
    const { document } = parsePolicy({ Version: V, Id: 'x', Statement: { Sid: 'A1', ...allow } }, 'identity');
    expect(document).toMatchObject({
      version: V,
      id: 'x',
      statements: [{ index: 0, sid: 'A1', action: ['s3:GetObject'], resource: ['*'] }],
    });
    expect(parsePolicy(JSON.stringify({ Statement: [allow, allow] }), 'identity').document?.statements).toHaveLength(2);
  });

  it('names invalid JSON as AWS does, per service', () => {
    expect(errors('{"Statement": [}')).toEqual(['SyntaxError $: Syntax errors in policy.']);
    expect(errors('  {"Statement":[]}', 's3-bucket')).toEqual([
      "SyntaxError $: Policies must be valid JSON and the first byte must be '{'",
    ]);
  });

  it('requires Statement, Effect, actions and (for identity policies) resources', () => {
    expect(errors({ Version: V })).toContain('MissingStatement $: Missing required field Statement');
    expect(errors({ Version: V, Statement: [{ Action: '*', Resource: '*' }] })).toContain(
      'MissingEffect $.Statement[0]: Missing required field Effect',
    );
    expect(errors({ Version: V, Statement: [{ Effect: 'Allow', Resource: '*' }] })).toContain(
      'MissingAction $.Statement[0]: Policy statement must contain actions.',
    );
    expect(errors({ Version: V, Statement: [{ Effect: 'Allow', Action: '*' }] })).toContain(
      'MissingResource $.Statement[0]: Policy statement must contain resources.',
    );
  });

  it('refuses an Effect in the wrong case, and unknown or repeated fields', () => {
    expect(errors({ Version: V, Statement: [{ ...allow, Effect: 'allow' }] })[0]).toMatch(/^InvalidEffect/);
    expect(errors({ Version: V, Statement: [{ ...allow, Actions: 'x' }] })[0]).toMatch(
      /^UnknownField \$\.Statement\[0\]\.Actions/,
    );
    expect(
      errors('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*"}]}'),
    ).toEqual(['DuplicateKey $.Statement[0].Effect: Syntax errors in policy: duplicate key.']);
  });

  it('enforces the principal rules of each policy type', () => {
    const withPrincipal = { Version: V, Statement: [{ ...allow, Principal: '*' }] };
    expect(errors(withPrincipal, 'identity')).toContain(
      'ProhibitedPrincipal $.Statement[0].Principal: Has prohibited field Principal',
    );
    expect(errors({ Version: V, Statement: [allow] }, 's3-bucket')).toContain(
      'MissingPrincipal $.Statement[0]: Missing required field Principal',
    );
    expect(
      errors(
        { Version: V, Statement: [{ ...allow, Principal: { AWS: 'arn:aws:iam::111111111111:role/*' } }] },
        's3-bucket',
      )[0],
    ).toMatch(/^InvalidPrincipal .*Invalid principal in policy/);
    expect(
      errors({ Version: V, Statement: [{ ...allow, Effect: 'Deny', Principal: { AWS: '111111111111' } }] }, 'rcp'),
    ).toContain('InvalidPrincipal $.Statement[0].Principal: The Principal element must be "*" for this policy type.');
    expect(
      errors({ Version: V, Statement: [{ ...allow, NotPrincipal: { AWS: '111111111111' } }] }, 's3-bucket'),
    ).toContain(
      'NotPrincipalWithAllow $.Statement[0].NotPrincipal: NotPrincipal is supported only with "Effect": "Deny".',
    );
  });

  it('applies trust-policy, SCP and RCP rules', () => {
    const trust = {
      Version: V,
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    };
    expect(errors(trust, 'trust')).toEqual([]);
    expect(errors({ Version: V, Statement: [{ ...trust.Statement[0], Resource: '*' }] }, 'trust')).toContain(
      'ProhibitedResource $.Statement[0].Resource: Has prohibited field Resource',
    );
    expect(errors({ Statement: [allow] }, 'scp')).toContain(
      'InvalidVersion $: The policy must use "Version": "2012-10-17".',
    );
    expect(errors({ Version: V, Statement: [{ ...allow, Principal: '*' }] }, 'rcp')[0]).toMatch(
      /^InvalidEffect.*only deny/,
    );
    expect(
      errors({ Version: V, Statement: [{ Effect: 'Deny', Principal: '*', NotAction: 's3:*', Resource: '*' }] }, 'rcp'),
    ).toContain('ProhibitedNotAction $.Statement[0].NotAction: Has prohibited field NotAction');
  });

  it('allows a role trust policy only the actions that start sessions, and service principals that are AWS domains', () => {
    const trusting = (action: unknown, principal: object = { AWS: 'arn:aws:iam::111111111111:root' }) =>
      errors({ Version: V, Statement: [{ Effect: 'Allow', Principal: principal, Action: action }] }, 'trust');
    for (const ok of ['sts:AssumeRole', ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'], 'sts:*']) {
      expect(trusting(ok)).toEqual([]);
    }
    for (const bad of ['s3:GetObject', ['sts:SetSourceIdentity', 'sts:AssumeRole', 'sts:TagSessions']]) {
      expect(trusting(bad)).toEqual([
        'InvalidTrustAction $.Statement[0].Action: AssumeRole policy may only specify STS AssumeRole actions.',
      ]);
    }
    expect(trusting('sts:AssumeRole', { Service: ['lambda.amazonaws.com', 'ec2.amazonaws.com.cn'] })).toEqual([]);
    for (const service of ['bogus', 'amazonaws.com', 'lambda.amazonaws.co']) {
      expect(trusting('sts:AssumeRole', { Service: service })).toEqual([
        `InvalidPrincipal $.Statement[0].Principal: Invalid principal in policy: "SERVICE":"${service}"`,
      ]);
    }
  });

  it('checks actions, resources, Sids and condition operators', () => {
    expect(errors({ Version: V, Statement: [{ ...allow, Action: 'ec2:ec2:Run' }] })).toContain(
      'InvalidAction $.Statement[0].Action[0]: Actions/Condition can contain only one colon.',
    );
    for (const resource of ['bucket/*', 'arn:aws:ec2', 'arn:aws:s3::*', 'arn:aws:ec2:us-east-1']) {
      expect(errors({ Version: V, Statement: [{ ...allow, Resource: resource }] })[0]).toMatch(
        /^InvalidResource.*ARN format/,
      );
    }
    for (const resource of ['arn:aws:*', 'arn:aws:ec2:*', 'arn:aws:ec2:us-east-1:*', 'arn:aws:s3:::b/*']) {
      expect(errors({ Version: V, Statement: [{ ...allow, Resource: resource }] })).toEqual([]);
    }
    expect(
      errors({ Version: V, Statement: [{ ...allow, Resource: 'arn:aws:iam:us-east-1:111111111111:role/R' }] }),
    ).toEqual([
      'InvalidResource $.Statement[0].Resource[0]: IAM resource arn:aws:iam:us-east-1:111111111111:role/R cannot contain region information.',
    ]);
    expect(errors({ Version: V, Statement: [{ ...allow, Resource: 'arn:aws:s3:us-east-1::b/*' }] })).toEqual([
      'InvalidResource $.Statement[0].Resource[0]: Resource arn:aws:s3:us-east-1::b/* can not contain region information.',
    ]);
    for (const resource of ['arn:aws:s3:us-east-1:111111111111:accesspoint/ap', 'arn:aws:iam::111111111111:role/R']) {
      expect(errors({ Version: V, Statement: [{ ...allow, Resource: resource }] })).toEqual([]);
    }
    expect(errors({ Version: V, Statement: [{ ...allow, Action: 'GetObject' }] })).toEqual([
      'InvalidAction $.Statement[0].Action[0]: Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
    ]);
    expect(errors({ Version: V, Statement: [{ ...allow, Sid: 'has space' }] })[0]).toMatch(
      /^InvalidSid.*alpha-numeric/,
    );
    expect(errors({ Version: V, Statement: [{ ...allow, Sid: 'has space', Principal: '*' }] }, 's3-bucket')).toEqual(
      [],
    );
    expect(
      errors({
        Version: V,
        Statement: [
          { ...allow, Sid: 'A' },
          { ...allow, Sid: 'A' },
        ],
      })[0],
    ).toMatch(/^DuplicateSid/);
    expect(
      errors({ Version: V, Statement: [{ ...allow, Condition: { StringEqualz: { 'aws:username': 'x' } } }] }),
    ).toContain(
      'UnknownConditionOperator $.Statement[0].Condition.StringEqualz: Invalid Condition type : StringEqualz',
    );
  });

  it('checks the version and counts size as each policy type does', () => {
    expect(errors({ Version: '2012-10-18', Statement: [allow] })).toContain(
      'InvalidVersion $.Version: The policy failed legacy parsing',
    );
    const big = { Version: V, Statement: [{ ...allow, Resource: `arn:aws:s3:::${'x'.repeat(6100)}` }] };
    expect(errors(big)[0]).toMatch(/^PolicyTooLarge/);
    const spaced = `{${' '.repeat(6000)}${JSON.stringify({ Version: V, Statement: [allow] }).slice(1)}`;
    expect(errors(spaced, 'identity')).toEqual([]);
    expect(errors(spaced, 'scp')[0]).toMatch(/^PolicyTooLarge/);
  });

  it('leaves the size to the caller when asked (IAM aggregate quotas, large AWS managed policies)', () => {
    const big = { Version: V, Statement: [{ ...allow, Resource: `arn:aws:s3:::${'x'.repeat(6100)}` }] };
    const { document, diagnostics } = parsePolicy(big, 'identity', { sizeLimit: false });
    expect(diagnostics).toEqual([]);
    expect(document?.statements).toHaveLength(1);
  });

  it('limits IAM documents to the characters IAM accepts', () => {
    expect(errors({ Version: V, Statement: [{ ...allow, Resource: 'arn:aws:s3:::b/\u4e2d' }] })[0]).toMatch(
      /^InvalidCharacters/,
    );
    expect(
      errors({ Version: V, Statement: [{ ...allow, Principal: '*', Resource: 'arn:aws:s3:::b/\u4e2d' }] }, 's3-bucket'),
    ).toEqual([]);
  });

  it('warns about condition values an operator cannot use, without failing', () => {
    const r = parsePolicy(
      { Version: V, Statement: [{ ...allow, Condition: { NumericLessThan: { 's3:max-keys': 'ten' } } }] },
      'identity',
    );
    expect(r.document).toBeDefined();
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning InvalidConditionValue']);
  });
});
