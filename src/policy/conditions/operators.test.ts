import { describe, expect, it } from 'vitest';
import { ContextEntry, RequestContext } from '../context.js';
import { resolveOperator } from './operators.js';

const ctx = RequestContext.from({ 'aws:username': 'bob' });

function test(operator: string, policyValues: string[], requestValue: string, variables = true): boolean {
  const op = resolveOperator(operator)!;
  const raw = op.spec
    .compile(policyValues, variables && op.spec.variables)
    .test(new ContextEntry([requestValue], false), 0, ctx);
  return op.spec.negated ? !raw : raw;
}

describe('condition operators', () => {
  it('resolves qualifiers and IfExists, and refuses unknown operators', () => {
    expect(resolveOperator('ForAnyValue:StringLikeIfExists')).toMatchObject({
      qualifier: 'ForAnyValue',
      ifExists: true,
      spec: { name: 'StringLike' },
    });
    expect(resolveOperator('StringEqualz')).toBeUndefined();
    expect(resolveOperator('NullIfExists')).toBeUndefined();
    expect(resolveOperator('Foo:StringEquals')).toBeUndefined();
  });

  it('compares strings by case rules', () => {
    expect(test('StringEquals', ['Bob'], 'bob')).toBe(false);
    expect(test('StringEqualsIgnoreCase', ['Bob'], 'bOB')).toBe(true);
    expect(test('StringEquals', ['a*'], 'abc')).toBe(false);
    expect(test('StringLike', ['a*'], 'abc')).toBe(true);
    expect(test('StringNotLike', ['a*', 'x*'], 'abc')).toBe(false);
    expect(test('StringNotEquals', ['a', 'b'], 'c')).toBe(true);
    expect(test('StringEquals', ['${aws:username}'], 'bob')).toBe(true);
  });

  it('compares numbers, not text', () => {
    expect(test('NumericLessThan', ['10'], '9')).toBe(true);
    expect(test('NumericLessThan', ['10'], '10')).toBe(false);
    expect(test('NumericLessThanEquals', ['10'], '10.0')).toBe(true);
    expect(test('NumericGreaterThan', ['1.5'], '2')).toBe(true);
    expect(test('NumericEquals', ['100'], 'abc')).toBe(false);
    expect(test('NumericNotEquals', ['5'], '6')).toBe(true);
  });

  it('compares dates in ISO 8601 and epoch seconds', () => {
    expect(test('DateLessThan', ['2024-12-31T23:59:59Z'], '2024-06-01T00:00:00Z')).toBe(true);
    expect(test('DateLessThan', ['2024-12-31T23:59:59Z'], '2025-01-01T00:00:00Z')).toBe(false);
    expect(test('DateGreaterThan', ['2020-01-01'], '1700000000')).toBe(true);
    expect(test('DateEquals', ['2020-01-01T00:00:00Z'], '1577836800')).toBe(true);
  });

  it('compares booleans case-insensitively', () => {
    expect(test('Bool', ['true'], 'TRUE')).toBe(true);
    expect(test('Bool', ['true'], 'false')).toBe(false);
  });

  it('compares binary values byte for byte after base64 decoding', () => {
    expect(test('BinaryEquals', ['QmluYXJ5'], 'QmluYXJ5')).toBe(true);
    expect(test('BinaryEquals', ['QmluYXJ5'], 'QmluYXJ6')).toBe(false);
  });

  it('tests IP addresses against blocks', () => {
    expect(test('IpAddress', ['203.0.113.0/24', '2001:db8::/32'], '2001:db8::5')).toBe(true);
    expect(test('NotIpAddress', ['203.0.113.0/24'], '198.51.100.7')).toBe(true);
    expect(test('IpAddress', ['203.0.113.0/24'], 'not-an-ip')).toBe(false);
  });

  it('matches ARNs part by part', () => {
    expect(test('ArnLike', ['arn:aws:iam::*:role/admin-*'], 'arn:aws:iam::111111111111:role/admin-x')).toBe(true);
    expect(test('ArnEquals', ['arn:aws:iam::*:role/admin-*'], 'arn:aws:iam::111111111111:role/admin-x')).toBe(true);
    expect(test('ArnNotLike', ['arn:aws:iam::*:role/admin-*'], 'arn:aws:iam::111111111111:user/x')).toBe(true);
    expect(test('ArnLike', ['arn:aws:iam::*:role/*'], 'not-an-arn')).toBe(false);
  });

  it('reports invalid policy values', () => {
    expect(resolveOperator('NumericEquals')!.spec.check('ten')).toMatch(/not a number/);
    expect(resolveOperator('DateEquals')!.spec.check('tomorrow')).toMatch(/not a date/);
    expect(resolveOperator('IpAddress')!.spec.check('10.0.0.0/99')).toMatch(/not an IP/);
    expect(resolveOperator('Bool')!.spec.check('yes')).toMatch(/true or false/);
    expect(resolveOperator('StringEquals')!.spec.check('anything')).toBeUndefined();
  });
});
