import { describe, expect, it } from 'vitest';
import {
  BoundPolicy,
  bindPrincipals,
  boundPolicyText,
  boundValue,
  type PrincipalIdLookup,
} from './bound-principals.js';

const ALICE = 'arn:aws:iam::111111111111:user/alice';
const APP = 'arn:aws:iam::222222222222:role/team/app';

/** IAM as a map of ARN → current id, with a generation bumped on every change and a count of lookups. */
function fakeIam(initial: Record<string, string>) {
  const ids = new Map(Object.entries(initial));
  let generation = 0;
  let lookups = 0;
  const lookup: PrincipalIdLookup = {
    principalId: (arn) => {
      lookups += 1;
      return ids.get(arn);
    },
    get generation() {
      return generation;
    },
  };
  return {
    lookup,
    set(arn: string, id: string | undefined) {
      if (id === undefined) ids.delete(arn);
      else ids.set(arn, id);
      generation += 1;
    },
    get lookups() {
      return lookups;
    },
  };
}

const TEXT = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: [ALICE, '333333333333'] }, Action: 'kms:*', Resource: '*' },
    { Effect: 'Deny', NotPrincipal: { AWS: APP }, Action: 'kms:Decrypt', Resource: '*' },
  ],
});

describe('binding principals', () => {
  it('binds user and role ARNs of any account, leaves other principals, and reports ARNs that name nobody', () => {
    const iam = fakeIam({ [ALICE]: 'AIDAALICE1', [APP]: 'AROAAPP1' });
    const values = [ALICE, APP, '333333333333', 'arn:aws:iam::111111111111:user/nobody', '*'];
    expect(bindPrincipals(values, iam.lookup)).toEqual({
      ids: { [ALICE]: 'AIDAALICE1', [APP]: 'AROAAPP1' },
      unknown: ['arn:aws:iam::111111111111:user/nobody'],
    });
  });

  it('keeps the text while every bound principal has its id, and shows a deleted or re-created one as its id', () => {
    const iam = fakeIam({ [ALICE]: 'AIDAALICE1', [APP]: 'AROAAPP1' });
    const { ids } = bindPrincipals([ALICE, APP], iam.lookup);
    expect(boundPolicyText(TEXT, ids, iam.lookup)).toBe(TEXT);
    iam.set(ALICE, undefined);
    iam.set(APP, 'AROAAPP2');
    const shown = JSON.parse(boundPolicyText(TEXT, ids, iam.lookup));
    expect(shown.Statement[0].Principal.AWS).toEqual(['AIDAALICE1', '333333333333']);
    expect(shown.Statement[1].NotPrincipal.AWS).toBe('AROAAPP1');
    expect(boundValue(ALICE, ids, iam.lookup)).toBe('AIDAALICE1');
    expect(boundValue('333333333333', ids, iam.lookup)).toBe('333333333333');
  });
});

describe('BoundPolicy', () => {
  it('looks nothing up while IAM is unchanged, and changes only when a named principal does', () => {
    const iam = fakeIam({ [ALICE]: 'AIDAALICE1', [APP]: 'AROAAPP1' });
    const { ids } = bindPrincipals([ALICE, APP], iam.lookup);
    const bound = new BoundPolicy(TEXT, ids, iam.lookup);
    const before = iam.lookups;
    for (let i = 0; i < 3; i++) expect(bound.holds(TEXT, ids, iam.lookup)).toBe(true);
    expect(iam.lookups).toBe(before);
    iam.set('arn:aws:iam::111111111111:user/bob', 'AIDABOB1');
    expect(bound.holds(TEXT, ids, iam.lookup)).toBe(true);
    iam.set(ALICE, 'AIDAALICE2');
    expect(bound.holds(TEXT, ids, iam.lookup)).toBe(false);
  });

  it('does not hold for the same text saved again with other ids', () => {
    const iam = fakeIam({ [ALICE]: 'AIDAALICE1' });
    const bound = new BoundPolicy(TEXT, { [ALICE]: 'AIDAALICE1' }, iam.lookup);
    expect(bound.holds(TEXT, { [ALICE]: 'AIDAALICE1' }, iam.lookup)).toBe(true);
    expect(bound.holds(TEXT, { [ALICE]: 'AIDAALICE2' }, iam.lookup)).toBe(false);
  });
});
