import { describe, expect, it } from 'vitest';
import { type ContextInput, RequestContext } from '../context.js';
import { parsePolicy } from '../parse/parse-policy.js';
import { CompiledPolicy } from './compiled-policy.js';
import { evaluateCondition } from './evaluate-statement.js';

function clause(operator: string, key: string, values: unknown): (context: ContextInput) => boolean {
  const doc = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { [operator]: { [key]: values } } }],
  };
  const { document } = parsePolicy(doc, 'identity');
  const c = new CompiledPolicy('identity', 'p', document!).statements[0]!.conditions[0]!;
  return (context) => evaluateCondition(c, RequestContext.from(context));
}

describe('condition clauses', () => {
  it('makes a positive operator false and a negated one true when the key is missing', () => {
    expect(clause('StringEquals', 'aws:SourceVpce', 'vpce-1')({})).toBe(false);
    expect(clause('StringNotEquals', 'aws:SourceVpce', 'vpce-1')({})).toBe(true);
    expect(clause('NotIpAddress', 'aws:SourceIp', '10.0.0.0/8')({})).toBe(true);
  });

  it('makes IfExists true for a missing key and evaluates a present one', () => {
    const c = clause('StringEqualsIfExists', 'aws:SourceVpce', 'vpce-1');
    expect(c({})).toBe(true);
    expect(c({ 'aws:SourceVpce': 'vpce-2' })).toBe(false);
    expect(clause('StringNotEqualsIfExists', 'aws:PrincipalOrgID', 'o-1')({})).toBe(true);
  });

  it('matches key names case-insensitively', () => {
    expect(clause('StringEquals', 'AWS:SourceVPCE', 'vpce-1')({ 'aws:sourcevpce': 'vpce-1' })).toBe(true);
    expect(clause('StringEquals', 'aws:ResourceTag/Dept', 'x')({ 'aws:resourcetag/dept': 'x' })).toBe(true);
  });

  it('ORs several values and requires none to match for negated operators', () => {
    expect(clause('StringEquals', 'k:x', ['a', 'b'])({ 'k:x': 'b' })).toBe(true);
    expect(clause('StringNotEquals', 'k:x', ['a', 'b'])({ 'k:x': 'b' })).toBe(false);
    expect(clause('StringNotEquals', 'k:x', ['a', 'b'])({ 'k:x': 'c' })).toBe(true);
  });

  it('ForAllValues: every request value must match; true when the key is absent or empty', () => {
    const c = clause('ForAllValues:StringEquals', 'aws:TagKeys', ['a', 'b']);
    expect(c({ 'aws:TagKeys': ['a', 'b'] })).toBe(true);
    expect(c({ 'aws:TagKeys': ['a', 'c'] })).toBe(false);
    expect(c({})).toBe(true);
    expect(c({ 'aws:TagKeys': [] })).toBe(true);
  });

  it('ForAnyValue: one request value must match; false when the key is absent or empty', () => {
    const c = clause('ForAnyValue:StringEquals', 'aws:TagKeys', ['a']);
    expect(c({ 'aws:TagKeys': ['x', 'a'] })).toBe(true);
    expect(c({ 'aws:TagKeys': ['x'] })).toBe(false);
    expect(c({})).toBe(false);
    expect(c({ 'aws:TagKeys': [] })).toBe(false);
  });

  it('applies the operator per value for negated inner operators', () => {
    const all = clause('ForAllValues:StringNotEquals', 'aws:TagKeys', ['secret']);
    expect(all({ 'aws:TagKeys': ['a', 'b'] })).toBe(true);
    expect(all({ 'aws:TagKeys': ['a', 'secret'] })).toBe(false);
    const any = clause('ForAnyValue:StringNotEquals', 'aws:TagKeys', ['a']);
    expect(any({ 'aws:TagKeys': ['a', 'b'] })).toBe(true);
    expect(any({ 'aws:TagKeys': ['a'] })).toBe(false);
  });

  it('tests existence with Null', () => {
    expect(clause('Null', 'aws:TokenIssueTime', 'true')({})).toBe(true);
    expect(clause('Null', 'aws:TokenIssueTime', 'true')({ 'aws:TokenIssueTime': '2024-01-01T00:00:00Z' })).toBe(false);
    expect(clause('Null', 'aws:TokenIssueTime', 'false')({ 'aws:TokenIssueTime': 'x' })).toBe(true);
    expect(clause('Null', 'aws:TokenIssueTime', ['true', 'false'])({})).toBe(true);
  });

  it('accepts JSON numbers and booleans as policy values', () => {
    expect(clause('NumericLessThanEquals', 's3:max-keys', 10)({ 's3:max-keys': 10 })).toBe(true);
    expect(clause('Bool', 'aws:SecureTransport', false)({ 'aws:SecureTransport': false })).toBe(true);
  });
});
