import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../storage/index.js';
import { IamContext } from './iam-context.js';
import { checkTrustPolicy } from './policy-documents.js';
import { effectiveTrustPolicy } from './trust-principals.js';

const ALICE = 'arn:aws:iam::111111111111:user/alice';
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: [ALICE, '222222222222'] }, Action: 'sts:AssumeRole' }],
});

let storage: Storage;
let iam: IamContext;
beforeEach(() => {
  storage = openStorage({ memory: true });
  iam = new IamContext(storage.db, { now: () => 0 });
});
afterEach(() => storage.close());

function addAlice(id: string): void {
  iam.write(() =>
    iam.users.insert({
      id,
      account: '111111111111',
      name: 'alice',
      path: '/',
      createdAt: 0,
      permissionsBoundary: undefined,
    }),
  );
}

function storeRole(): void {
  const trustPrincipalIds = checkTrustPolicy(iam, TRUST);
  iam.write(() =>
    iam.roles.insert({
      id: 'AROAROLE000000000001',
      account: '111111111111',
      name: 'r',
      path: '/',
      createdAt: 0,
      trustPolicy: TRUST,
      trustPrincipalIds,
      description: undefined,
      maxSessionDuration: 3600,
      permissionsBoundary: undefined,
    }),
  );
}

describe('effective trust policy', () => {
  it('is the document as given while its principals are the ones it named', () => {
    addAlice('AIDAALICE00000000001');
    storeRole();
    expect(effectiveTrustPolicy(iam, iam.roles.byId('AROAROLE000000000001')!)).toBe(TRUST);
  });

  it('names a deleted principal by its old id, also after a new one takes the name', () => {
    addAlice('AIDAALICE00000000001');
    storeRole();
    iam.write(() => iam.users.delete('AIDAALICE00000000001'));
    const stale = JSON.parse(effectiveTrustPolicy(iam, iam.roles.byId('AROAROLE000000000001')!));
    expect(stale.Statement[0].Principal.AWS).toEqual(['AIDAALICE00000000001', '222222222222']);
    addAlice('AIDAALICE00000000002');
    const again = JSON.parse(effectiveTrustPolicy(iam, iam.roles.byId('AROAROLE000000000001')!));
    expect(again.Statement[0].Principal.AWS[0]).toBe('AIDAALICE00000000001');
  });
});
