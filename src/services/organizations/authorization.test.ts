import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../storage/index.js';
import { Accounts } from '../accounts/accounts.js';
import type { AuthorizationTarget, CallContext, ServiceDeps } from '../types.js';
import { authorizationFor } from './authorization.js';
import type { OrgEnv } from './org-env.js';
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
const PREFIX = `arn:aws:organizations::111111111111:`;

let storage: Storage;
let env: OrgEnv;

beforeEach(() => {
  storage = openStorage({ memory: true });
  const store = new OrgStore(storage.db);
  env = { store, accounts: new Accounts(storage.db), deps: {} as ServiceDeps };
  store.write(() => {
    store.organizations.insert(ORG);
    store.members.insert({
      id: ORG.managementAccount,
      organizationId: ORG.id,
      parentId: ORG.rootId,
      name: 'm',
      email: 'm@example.com',
      joinedMethod: 'INVITED',
      joinedAt: 0,
    });
    store.policies.insert({
      id: 'p-deny0001',
      organizationId: ORG.id,
      type: 'SERVICE_CONTROL_POLICY',
      name: 'deny',
      description: '',
      content: '{}',
      createdAt: 0,
    });
    store.tags.put(ORG.id, 'p-deny0001', [{ key: 'team', value: 'security' }]);
    store.handshakes.insert({
      id: 'h-invite0001',
      organizationId: ORG.id,
      action: 'INVITE',
      targetId: '222222222222',
      targetType: 'ACCOUNT',
      state: 'OPEN',
      notes: null,
      requestedAt: 0,
      expiresAt: 1,
    });
  });
});
afterEach(() => storage.close());

const callBy = (account: string) => ({ caller: { account } }) as unknown as CallContext;

describe('authorizationFor', () => {
  it('authorizes each named entity on its ARN, with the policy type and the resource tags', () => {
    const authorize = authorizationFor('AttachPolicy', { resources: (i) => [i.PolicyId, i.TargetId] }, env);
    const targets = authorize({ PolicyId: 'p-deny0001', TargetId: 'ou-root-aaaaaaaa' }, callBy('111111111111'));
    expect(targets).toEqual([
      {
        action: 'organizations:AttachPolicy',
        resource: `${PREFIX}policy/${ORG.id}/service_control_policy/p-deny0001`,
        resourceAccount: '111111111111',
        context: { 'organizations:PolicyType': 'SERVICE_CONTROL_POLICY', 'aws:ResourceTag/team': 'security' },
      },
      {
        action: 'organizations:AttachPolicy',
        resource: `${PREFIX}ou/${ORG.id}/ou-root-aaaaaaaa`,
        resourceAccount: '111111111111',
        context: { 'organizations:PolicyType': 'SERVICE_CONTROL_POLICY' },
      },
    ]);
  });

  it('authorizes on * when nothing is named or the caller has no organization', () => {
    const describeAccount = authorizationFor('DescribeAccount', { resources: (i) => [i.AccountId] }, env);
    expect(describeAccount({ AccountId: '333333333333' }, callBy('444444444444'))).toEqual([
      { action: 'organizations:DescribeAccount', resource: '*', resourceAccount: '444444444444', context: {} },
    ]);
  });

  it("names a handshake by its organization's ARN, for an invitee outside any organization", () => {
    const accept = authorizationFor('AcceptHandshake', { resources: (i) => [i.HandshakeId] }, env);
    const [target] = accept({ HandshakeId: 'h-invite0001' }, callBy('222222222222')) as readonly AuthorizationTarget[];
    expect(target?.resource).toBe(`${PREFIX}handshake/${ORG.id}/invite/h-invite0001`);
  });

  it('turns request tags into aws:RequestTag and aws:TagKeys', () => {
    const create = authorizationFor('CreatePolicy', { policyType: (i) => i.Type, tags: 'request' }, env);
    const [target] = create(
      { Type: 'RESOURCE_CONTROL_POLICY', Tags: [{ Key: 'env', Value: 'prod' }] },
      callBy('111111111111'),
    ) as readonly AuthorizationTarget[];
    expect(target?.context).toEqual({
      'organizations:PolicyType': 'RESOURCE_CONTROL_POLICY',
      'aws:RequestTag/env': 'prod',
      'aws:TagKeys': ['env'],
    });
  });
});
