import { describe, expect, it } from 'vitest';
import type { Caller } from '../../types.js';
import type { GrantRecord } from '../repos/grants.js';
import { contextMeets, grantAllows, granteeMatches } from './grant-match.js';

const USER = 'arn:aws:iam::111111111111:user/alice';
const ROLE = 'arn:aws:iam::111111111111:role/app';

function caller(arn: string, roleArn?: string, id = roleArn ? 'AROAAPP' : 'AIDAALICE'): Caller {
  const ids = roleArn ? { roleId: id } : { userId: id };
  return {
    kind: roleArn ? 'role-session' : 'user',
    principal: { type: roleArn ? 'AssumedRole' : 'User', arn, account: '111111111111', roleArn, ...ids },
    account: '111111111111',
    accessKeyId: 'AKIAEXAMPLE',
    userId: 'AIDAEXAMPLE',
    userName: undefined,
    session: undefined,
  };
}

function grant(extra: Partial<GrantRecord> = {}): GrantRecord {
  return {
    id: 'g',
    keyId: 'k',
    name: undefined,
    grantee: USER,
    retiring: undefined,
    principalIds: {},
    operations: ['Decrypt', 'CreateGrant'],
    constraints: undefined,
    issuingAccount: '111111111111',
    createdAt: 0,
    token: 't',
    ...extra,
  };
}

describe('grantee matching', () => {
  it('matches the user, and a role session by its role or its own session ARN', () => {
    expect(granteeMatches(USER, caller(USER), {})).toBe(true);
    const session = caller('arn:aws:sts::111111111111:assumed-role/app/s1', ROLE);
    expect(granteeMatches(ROLE, session, {})).toBe(true);
    expect(granteeMatches('arn:aws:sts::111111111111:assumed-role/app/s1', session, {})).toBe(true);
    expect(granteeMatches('arn:aws:iam::111111111111:root', caller(USER), {})).toBe(false);
  });

  it('matches a bound user or role only while it has the unique id the grant was bound to', () => {
    const bound = { [USER]: 'AIDAALICE', [ROLE]: 'AROAAPP' };
    expect(granteeMatches(USER, caller(USER), bound)).toBe(true);
    expect(granteeMatches(USER, caller(USER, undefined, 'AIDANEWALICE'), bound)).toBe(false);
    expect(granteeMatches(ROLE, caller('arn:aws:sts::111111111111:assumed-role/app/s1', ROLE), bound)).toBe(true);
    const recreated = caller('arn:aws:sts::111111111111:assumed-role/app/s1', ROLE, 'AROANEWAPP');
    expect(granteeMatches(ROLE, recreated, bound)).toBe(false);
  });
});

describe('encryption context constraints', () => {
  it('Subset needs the pairs, Equals needs exactly them', () => {
    expect(contextMeets({ EncryptionContextSubset: { a: '1' } }, { a: '1', b: '2' })).toBe(true);
    expect(contextMeets({ EncryptionContextSubset: { a: '1' } }, { a: '2' })).toBe(false);
    expect(contextMeets({ EncryptionContextEquals: { a: '1' } }, { a: '1' })).toBe(true);
    expect(contextMeets({ EncryptionContextEquals: { a: '1' } }, { a: '1', b: '2' })).toBe(false);
    expect(contextMeets(undefined, {})).toBe(true);
  });

  it('applies constraints to cryptographic operations only', () => {
    const constrained = grant({
      operations: ['Decrypt', 'DescribeKey'],
      constraints: { EncryptionContextEquals: { a: '1' } },
    });
    expect(grantAllows(constrained, caller(USER), { operation: 'Decrypt', encryptionContext: {} })).toBe(false);
    expect(grantAllows(constrained, caller(USER), { operation: 'DescribeKey' })).toBe(true);
    expect(grantAllows(constrained, caller(USER), { operation: 'Encrypt', encryptionContext: { a: '1' } })).toBe(false);
  });
});

describe('grants that create grants', () => {
  it('pass on only their own operations and constraints at least as strict', () => {
    const parent = grant({ constraints: { EncryptionContextSubset: { a: '1' } } });
    const ask = (operations: string[], constraints?: GrantRecord['constraints']) =>
      grantAllows(parent, caller(USER), { operation: 'CreateGrant', child: { operations, constraints } });
    expect(ask(['Decrypt'], { EncryptionContextSubset: { a: '1', b: '2' } })).toBe(true);
    expect(ask(['Decrypt'], { EncryptionContextEquals: { a: '1' } })).toBe(true);
    expect(ask(['Decrypt'])).toBe(false);
    expect(ask(['Encrypt'], { EncryptionContextSubset: { a: '1' } })).toBe(false);
  });
});
