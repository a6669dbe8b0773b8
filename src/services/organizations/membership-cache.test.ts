import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../storage/index.js';
import { FULL_AWS_ACCESS, RCP_FULL_AWS_ACCESS } from './managed-policies.js';
import { MembershipCache } from './membership-cache.js';
import { OrgStore } from './store/org-store.js';
import type { OrganizationRecord } from './store/records.js';

const ORG: OrganizationRecord = {
  id: 'o-abcdefghij',
  managementAccount: '111111111111',
  managementEmail: 'm@example.com',
  featureSet: 'ALL',
  rootId: 'r-root',
  createdAt: 0,
};
const OU = 'ou-root-aaaaaaaa';
const NESTED = 'ou-root-bbbbbbbb';
const MEMBER = '222222222222';
const DENY_S3 = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}';

let storage: Storage;
let store: OrgStore;
let cache: MembershipCache;

beforeEach(() => {
  storage = openStorage({ memory: true });
  store = new OrgStore(storage.db);
  cache = new MembershipCache(store);
  store.write(() => {
    store.organizations.insert(ORG);
    store.units.insert({ id: OU, organizationId: ORG.id, parentId: ORG.rootId, name: 'a', createdAt: 0 });
    store.units.insert({ id: NESTED, organizationId: ORG.id, parentId: OU, name: 'b', createdAt: 0 });
    for (const [id, parentId] of [
      [ORG.managementAccount, ORG.rootId],
      [MEMBER, NESTED],
    ] as const) {
      store.members.insert({
        id,
        organizationId: ORG.id,
        parentId,
        name: id,
        email: `${id}@example.com`,
        joinedMethod: 'INVITED',
        joinedAt: 0,
      });
    }
  });
});
afterEach(() => storage.close());

function attachEverywhere(policyId: string, type: string): void {
  for (const targetId of [ORG.rootId, OU, NESTED, MEMBER])
    store.policies.attach(ORG.id, { policyId, policyType: type, targetId });
}

describe('MembershipCache', () => {
  it('answers the organization, the path of parents, and no policy chains while no type is enabled', () => {
    expect(cache.membership(MEMBER)).toEqual({
      organizationId: ORG.id,
      managementAccount: ORG.managementAccount,
      path: `${ORG.id}/${ORG.rootId}/${OU}/${NESTED}/`,
      scp: undefined,
      rcp: undefined,
    });
    expect(cache.membership(ORG.managementAccount)?.path).toBe(`${ORG.id}/${ORG.rootId}/`);
    expect(cache.membership('333333333333')).toBeUndefined();
  });

  it('gives one SCP level per root, OU and account, each with its compiled policies', () => {
    store.write(() => {
      store.organizations.enablePolicyType(ORG.id, FULL_AWS_ACCESS.type);
      attachEverywhere(FULL_AWS_ACCESS.id, FULL_AWS_ACCESS.type);
      store.policies.insert({
        id: 'p-denys3aa',
        organizationId: ORG.id,
        type: FULL_AWS_ACCESS.type,
        name: 'deny-s3',
        description: '',
        content: DENY_S3,
        createdAt: 0,
      });
      store.policies.attach(ORG.id, { policyId: 'p-denys3aa', policyType: FULL_AWS_ACCESS.type, targetId: OU });
    });
    const scp = cache.membership(MEMBER)?.scp;
    expect(scp?.map((level) => level.map((p) => p.id))).toEqual([
      [FULL_AWS_ACCESS.arn],
      [FULL_AWS_ACCESS.arn, `arn:aws:organizations::111111111111:policy/${ORG.id}/service_control_policy/p-denys3aa`],
      [FULL_AWS_ACCESS.arn],
      [FULL_AWS_ACCESS.arn],
    ]);
  });

  it('leaves RCPFullAWSAccess to the engine and passes only customer RCPs', () => {
    store.write(() => {
      store.organizations.enablePolicyType(ORG.id, RCP_FULL_AWS_ACCESS.type);
      attachEverywhere(RCP_FULL_AWS_ACCESS.id, RCP_FULL_AWS_ACCESS.type);
    });
    expect(cache.membership(MEMBER)?.rcp).toEqual([[], [], [], []]);
  });

  it('keeps an answer until a write, then rebuilds it', () => {
    const first = cache.membership(MEMBER);
    expect(cache.membership(MEMBER)).toBe(first);
    store.write(() => store.members.move(MEMBER, ORG.rootId));
    expect(cache.membership(MEMBER)?.path).toBe(`${ORG.id}/${ORG.rootId}/`);
  });

  it('recompiles a customer policy only when its text changes', () => {
    const policy = {
      id: 'p-denys3aa',
      organizationId: ORG.id,
      type: FULL_AWS_ACCESS.type,
      name: 'deny-s3',
      description: '',
      content: DENY_S3,
      createdAt: 0,
    };
    store.write(() => {
      store.organizations.enablePolicyType(ORG.id, FULL_AWS_ACCESS.type);
      store.policies.insert(policy);
      store.policies.attach(ORG.id, { policyId: policy.id, policyType: policy.type, targetId: MEMBER });
    });
    const compiled = cache.membership(MEMBER)?.scp?.[3]?.[0];
    store.write(() => store.members.move(MEMBER, OU));
    expect(cache.membership(MEMBER)?.scp?.[2]?.[0]).toBe(compiled);
    store.write(() => store.policies.update({ ...policy, content: DENY_S3.replace('s3:*', 'ec2:*') }));
    expect(cache.membership(MEMBER)?.scp?.[2]?.[0]).not.toBe(compiled);
  });
});
