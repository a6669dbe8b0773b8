import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../storage/index.js';
import { IamContext } from './iam-context.js';
import { iamIdentityLookup } from './identity-lookup.js';

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 'sts:AssumeRole' }],
});

let storage: Storage;
let iam: IamContext;
beforeEach(() => {
  storage = openStorage({ memory: true });
  iam = new IamContext(storage.db, { now: () => 1_700_000_000_000 });
});
afterEach(() => storage.close());

describe('identity lookup', () => {
  it('creates a role outside any request, with its managed policies attached', () => {
    const lookup = iamIdentityLookup(iam);
    const role = lookup.createRole({
      account: '111111111111',
      name: 'OrganizationAccountAccessRole',
      trustPolicy: TRUST,
      managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
    });
    expect(role).toMatchObject({
      arn: 'arn:aws:iam::111111111111:role/OrganizationAccountAccessRole',
      roleId: expect.stringMatching(/^AROA/),
      maxSessionDuration: 3600,
    });
    expect(role.trustPolicy.kind).toBe('trust');
    expect(iam.attachments.list('role', role.roleId)).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
    expect(() =>
      lookup.createRole({
        account: '111111111111',
        name: 'organizationaccountaccessrole',
        trustPolicy: TRUST,
        managedPolicyArns: [],
      }),
    ).toThrow('Role with name organizationaccountaccessrole already exists.');
  });

  it('finds a role by its exact ARN, path included, and knows which account issued a key', () => {
    iam.write(() => {
      iam.roles.insert({
        id: 'AROAPATHED0000000001',
        account: '111111111111',
        name: 'deep',
        path: '/a/b/',
        createdAt: 0,
        trustPolicy: TRUST,
        trustPrincipalIds: {},
        description: undefined,
        maxSessionDuration: 7200,
        permissionsBoundary: undefined,
      });
      iam.users.insert({
        id: 'AIDAU',
        account: '111111111111',
        name: 'u',
        path: '/',
        createdAt: 0,
        permissionsBoundary: undefined,
      });
      iam.accessKeys.insert({
        id: 'AKIAKEY',
        account: '111111111111',
        userId: 'AIDAU',
        secret: 's',
        status: 'Active',
        createdAt: 0,
      });
    });
    const lookup = iamIdentityLookup(iam);
    expect(lookup.findRole('arn:aws:iam::111111111111:role/a/b/deep')?.arn).toBe(
      'arn:aws:iam::111111111111:role/a/b/deep',
    );
    expect(lookup.findRole('arn:aws:iam::111111111111:role/a/b/deep')?.maxSessionDuration).toBe(7200);
    expect(lookup.findRole('arn:aws:iam::111111111111:role/deep')).toBeUndefined();
    expect(lookup.findRole('arn:aws:iam::111111111111:role/a/b/DEEP')).toBeUndefined();
    expect(lookup.findRole('arn:aws:iam::222222222222:role/deep')).toBeUndefined();
    expect(lookup.accessKeyAccount('AKIAKEY')).toBe('111111111111');
    expect(lookup.accessKeyAccount('AKIANONE')).toBeUndefined();
  });
});
