import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../parse/parse-policy.js';
import { actionKey } from './action-key.js';
import type { Candidates } from './candidates.js';
import { CompiledPolicy } from './compiled-policy.js';
import { candidatesOfGroup } from './policy-group.js';

function identity(id: string, statements: object[]): CompiledPolicy {
  const { document, diagnostics } = parsePolicy({ Version: '2012-10-17', Statement: statements }, 'identity');
  if (!document) throw new Error(JSON.stringify(diagnostics));
  return new CompiledPolicy('identity', id, document);
}

const denies = (c: Candidates) => c.statements.slice(0, c.denyCount).map((s) => s.compiled);
const allows = (c: Candidates) => c.statements.slice(c.denyCount).map((s) => s.compiled);
const allow = (Action: string) => ({ Effect: 'Allow', Action, Resource: '*' });
const deny = (Action: string) => ({ Effect: 'Deny', Action, Resource: '*' });

describe('policy groups', () => {
  it('merges the candidates of every policy in policy and document order, split by effect', () => {
    const a = identity('a', [allow('s3:Get*'), deny('s3:GetObject'), allow('sqs:*')]);
    const b = identity('b', [allow('*'), deny('s3:*'), allow('s3:PutObject')]);
    const found = candidatesOfGroup([a, b], actionKey('s3:GetObject'));
    expect(allows(found).map((c) => [c.policy.id, c.statement.index])).toEqual([
      ['a', 0],
      ['b', 0],
    ]);
    expect(denies(found).map((c) => [c.policy.id, c.statement.index])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(allows(candidatesOfGroup([a, b], actionKey('sqs:SendMessage'))).map((c) => c.policy.id)).toEqual(['a', 'b']);
  });

  it('groups frozen arrays too, and leaves no visible trace on the arrays it groups', () => {
    const frozen = Object.freeze([identity('a', [allow('s3:GetObject')]), identity('b', [deny('s3:GetObject')])]);
    expect(denies(candidatesOfGroup(frozen, actionKey('s3:GetObject'))).map((c) => c.policy.id)).toEqual(['b']);
    expect(candidatesOfGroup(frozen, actionKey('s3:GetObject'))).toBe(
      candidatesOfGroup(frozen, actionKey('s3:GetObject')),
    );
    const plain = [identity('a', [allow('s3:GetObject')])];
    const first = candidatesOfGroup(plain, actionKey('s3:GetObject'));
    expect(candidatesOfGroup(plain, actionKey('s3:GetObject'))).toBe(first);
    expect(Object.keys(plain)).toEqual(['0']);
    expect({ ...plain }).toEqual({ 0: plain[0] });
  });

  it('regroups an array whose length changed after it was first used', () => {
    const policies = [identity('a', [allow('s3:GetObject')])];
    expect(allows(candidatesOfGroup(policies, actionKey('s3:PutObject')))).toHaveLength(0);
    policies.push(identity('b', [allow('s3:PutObject')]));
    expect(allows(candidatesOfGroup(policies, actionKey('s3:PutObject'))).map((c) => c.policy.id)).toEqual(['b']);
  });
});
