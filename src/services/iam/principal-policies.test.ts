import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../storage/index.js';
import type { Caller } from '../types.js';
import { IamContext } from './iam-context.js';
import { PrincipalPolicyProvider } from './principal-policies.js';

const ACCOUNT = '111111111111';
const allow = (action: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

let storage: Storage;
let iam: IamContext;
let provider: PrincipalPolicyProvider;

beforeEach(() => {
  storage = openStorage({ memory: true });
  iam = new IamContext(storage.db, { now: () => 1_700_000_000_000 });
  provider = new PrincipalPolicyProvider(iam);
});
afterEach(() => storage.close());

function addUser(id: string, name: string): void {
  iam.write(() =>
    iam.users.insert({ id, account: ACCOUNT, name, path: '/', createdAt: 0, permissionsBoundary: undefined }),
  );
}

function addRole(id: string, name: string): void {
  iam.write(() =>
    iam.roles.insert({
      id,
      account: ACCOUNT,
      name,
      path: '/',
      createdAt: 0,
      trustPolicy: '{}',
      trustPrincipalIds: {},
      description: undefined,
      maxSessionDuration: 3600,
      permissionsBoundary: undefined,
    }),
  );
}

function userCaller(id: string, name: string): Caller {
  const arn = `arn:aws:iam::${ACCOUNT}:user/${name}`;
  return {
    kind: 'user',
    principal: { type: 'User', arn, account: ACCOUNT, userId: id },
    account: ACCOUNT,
    accessKeyId: 'AKIAEXAMPLE',
    userId: id,
    userName: name,
    session: undefined,
  };
}

function sessionCaller(roleId: string | undefined, tags: Record<string, string>): Caller {
  return {
    kind: 'role-session',
    principal: {
      type: 'AssumedRole',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/worker/s`,
      account: ACCOUNT,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/worker`,
      roleId,
    },
    account: ACCOUNT,
    accessKeyId: 'ASIAEXAMPLE',
    userId: `${roleId}:s`,
    userName: undefined,
    session: {
      policies: [],
      tags,
      transitiveTagKeys: [],
      mfaAuthenticated: false,
      mfaAuthenticatedAt: undefined,
      issuedAt: 0,
      expiresAt: 0,
      sourceIdentity: undefined,
      chainedFromRole: false,
      federatedProvider: undefined,
    },
  };
}

describe('user policies', () => {
  it("gathers the user's inline and attached policies and those of its groups, with its tags", () => {
    addUser('AIDAUSER', 'alice');
    iam.write(() => {
      iam.inlinePolicies.put('user', 'AIDAUSER', 'own', allow('s3:GetObject'));
      iam.attachments.attach(ACCOUNT, 'user', 'AIDAUSER', 'arn:aws:iam::aws:policy/AdministratorAccess');
      iam.groups.insert({ id: 'AGPAGROUP', account: ACCOUNT, name: 'devs', path: '/', createdAt: 0 });
      iam.groups.addMember('AGPAGROUP', 'AIDAUSER');
      iam.inlinePolicies.put('group', 'AGPAGROUP', 'shared', allow('sqs:*'));
      iam.tags.put('user', 'AIDAUSER', [{ Key: 'team', Value: 'blue' }]);
    });
    const policies = provider.policiesOf(userCaller('AIDAUSER', 'alice'));
    expect(policies.identity.map((p) => p.id)).toEqual([
      'inline:user/alice/own',
      'arn:aws:iam::aws:policy/AdministratorAccess',
      'inline:group/devs/shared',
    ]);
    expect(policies.tags).toEqual({ team: 'blue' });
    expect(policies.permissionsBoundary).toBeUndefined();
  });

  it('answers from its cache until the next IAM write, then reflects the change', () => {
    addUser('AIDAUSER', 'alice');
    iam.write(() => iam.inlinePolicies.put('user', 'AIDAUSER', 'own', allow('s3:GetObject')));
    const first = provider.policiesOf(userCaller('AIDAUSER', 'alice'));
    expect(provider.policiesOf(userCaller('AIDAUSER', 'alice'))).toBe(first);
    iam.write(() => iam.inlinePolicies.delete('user', 'AIDAUSER', 'own'));
    expect(provider.policiesOf(userCaller('AIDAUSER', 'alice')).identity).toEqual([]);
  });

  it('gives a deleted user nothing, and a boundary whose policy is gone allows nothing', () => {
    expect(provider.policiesOf(userCaller('AIDAGONE', 'gone')).identity).toEqual([]);
    addUser('AIDAUSER', 'alice');
    iam.write(() => iam.users.setPermissionsBoundary('AIDAUSER', `arn:aws:iam::${ACCOUNT}:policy/missing`));
    const boundary = provider.policiesOf(userCaller('AIDAUSER', 'alice')).permissionsBoundary;
    expect(boundary?.document.statements[0]).toMatchObject({ effect: 'Allow', notAction: ['*'] });
  });

  it("gives a federated user its parent user's policies", () => {
    addUser('AIDAUSER', 'alice');
    iam.write(() => iam.inlinePolicies.put('user', 'AIDAUSER', 'own', allow('s3:GetObject')));
    const federated: Caller = {
      ...userCaller('AIDAUSER', 'alice'),
      kind: 'federated-user',
      principal: {
        type: 'FederatedUser',
        arn: `arn:aws:sts::${ACCOUNT}:federated-user/bob`,
        account: ACCOUNT,
        parentUserArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
      },
    };
    expect(provider.policiesOf(federated).identity.map((p) => p.id)).toEqual(['inline:user/alice/own']);
  });
});

describe('role session policies', () => {
  it('merges role tags under session tags, keys compared ignoring case', () => {
    addRole('AROAROLE', 'worker');
    iam.write(() => {
      iam.tags.put('role', 'AROAROLE', [
        { Key: 'Team', Value: 'role' },
        { Key: 'cost', Value: 'x' },
      ]);
      iam.inlinePolicies.put('role', 'AROAROLE', 'p', allow('s3:*'));
    });
    const policies = provider.policiesOf(sessionCaller('AROAROLE', { team: 'session' }));
    expect(policies.tags).toEqual({ cost: 'x', team: 'session' });
    expect(policies.identity.map((p) => p.id)).toEqual(['inline:role/worker/p']);
  });

  it('gives nothing to a session of a role since deleted and re-created under the same name', () => {
    addRole('AROANEW', 'worker');
    iam.write(() => iam.inlinePolicies.put('role', 'AROANEW', 'p', allow('s3:*')));
    expect(provider.policiesOf(sessionCaller('AROAOLD', {})).identity).toEqual([]);
    expect(provider.policiesOf(sessionCaller('AROANEW', {})).identity).toHaveLength(1);
  });
});
