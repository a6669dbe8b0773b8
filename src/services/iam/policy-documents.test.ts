import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../storage/index.js';
import { IamContext } from './iam-context.js';
import { checkManagedPolicy, checkTrustPolicy, iamPolicySize } from './policy-documents.js';

let storage: Storage;
let iam: IamContext;
beforeEach(() => {
  storage = openStorage({ memory: true });
  iam = new IamContext(storage.db, { now: () => 0 });
  iam.write(() =>
    iam.users.insert({
      id: 'AIDAKNOWNUSER00000001',
      account: '111111111111',
      name: 'known',
      path: '/team/',
      createdAt: 0,
      permissionsBoundary: undefined,
    }),
  );
});
afterEach(() => storage.close());

const trust = (aws: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: aws }, Action: 'sts:AssumeRole' }],
  });

describe('trust policies', () => {
  it('resolves users by their full ARN, path included, and by unique id', () => {
    expect(() => checkTrustPolicy(iam, trust('arn:aws:iam::111111111111:user/team/known'))).not.toThrow();
    expect(() => checkTrustPolicy(iam, trust('AIDAKNOWNUSER00000001'))).not.toThrow();
    expect(() => checkTrustPolicy(iam, trust('arn:aws:iam::111111111111:user/known'))).toThrow(
      'Invalid principal in policy: "AWS":"arn:aws:iam::111111111111:user/known"',
    );
    expect(() => checkTrustPolicy(iam, trust('AIDANOBODY00000000001'))).toThrow('Invalid principal in policy');
  });

  it('accepts accounts, account roots and everyone', () => {
    for (const principal of ['222222222222', 'arn:aws:iam::222222222222:root', '*']) {
      expect(() => checkTrustPolicy(iam, trust(principal))).not.toThrow();
    }
  });

  it('holds trust policies to 2,048 characters, whitespace not counted', () => {
    const padded = trust('*').replace('{', `{${' '.repeat(5000)}`);
    expect(() => checkTrustPolicy(iam, padded)).not.toThrow();
    const long = JSON.stringify({
      Version: '2012-10-17',
      Statement: Array.from({ length: 40 }, () => ({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' })),
    });
    expect(iamPolicySize(long)).toBeGreaterThan(2048);
    expect(() => checkTrustPolicy(iam, long)).toThrow('Cannot exceed quota for ACLSizePerRole: 2048');
  });
});

describe('managed policies', () => {
  it("answers a grammar error with the engine's message", () => {
    expect(() => checkManagedPolicy('{"Statement":[{"Effect":"Allow","Resource":"*"}]}')).toThrow(
      'Policy statement must contain actions.',
    );
  });
});
