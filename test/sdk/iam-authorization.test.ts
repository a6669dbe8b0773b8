// Users calling with their own access keys: denied until a policy allows, group policies, boundaries, and a
// removed policy taking effect on the very next request.
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteRolePolicyCommand,
  DeleteUserPolicyCommand,
  DetachUserPolicyCommand,
  GetUserCommand,
  IAMClient,
  ListRolesCommand,
  ListUsersCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  RemoveUserFromGroupCommand,
  TagUserCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

const ACCOUNT = '111111111111';
let server: TestServer;
let admin: IAMClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = new IAMClient(server.client(ACCOUNT));
});
afterAll(async () => server.close());

/** A fresh user with an access key, and an IAM client signing as that user. */
async function userClient(name: string): Promise<IAMClient> {
  await admin.send(new CreateUserCommand({ UserName: name }));
  const { AccessKey } = await admin.send(new CreateAccessKeyCommand({ UserName: name }));
  return new IAMClient(
    server.client({ accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' }),
  );
}

const allow = (action: string, resource = '*') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });

describe('a user calling with its own access key', () => {
  it('is itself to STS', async () => {
    await admin.send(new CreateUserCommand({ UserName: 'caller' }));
    const { AccessKey } = await admin.send(new CreateAccessKeyCommand({ UserName: 'caller' }));
    const sts = new STSClient(
      server.client({ accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' }),
    );
    const user = await admin.send(new GetUserCommand({ UserName: 'caller' }));
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({
      Account: ACCOUNT,
      Arn: `arn:aws:iam::${ACCOUNT}:user/caller`,
      UserId: user.User?.UserId,
    });
  });

  it('is denied with AWS text until a policy allows, and again the moment the policy goes', async () => {
    const alice = await userClient('alice');
    await expect(alice.send(new ListUsersCommand({}))).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
      message:
        `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: iam:ListUsers on resource: ` +
        `arn:aws:iam::${ACCOUNT}:user/ because no identity-based policy allows the iam:ListUsers action`,
    });
    await admin.send(
      new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'list', PolicyDocument: allow('iam:ListUsers') }),
    );
    const listed = await alice.send(new ListUsersCommand({}));
    expect(listed.Users?.map((u) => u.UserName)).toContain('alice');
    await admin.send(new DeleteUserPolicyCommand({ UserName: 'alice', PolicyName: 'list' }));
    await expect(alice.send(new ListUsersCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('names existing users and roles as IAM does in denials', async () => {
    const named = await userClient('named');
    await expect(named.send(new GetUserCommand({}))).rejects.toMatchObject({
      message:
        `User: arn:aws:iam::${ACCOUNT}:user/named is not authorized to perform: iam:GetUser on resource: user named ` +
        'because no identity-based policy allows the iam:GetUser action',
    });
  });

  it('gets what a managed policy attached to it allows, and loses it when detached', async () => {
    const bob = await userClient('bob');
    const { Policy } = await admin.send(
      new CreatePolicyCommand({ PolicyName: 'ListRoles', PolicyDocument: allow('iam:ListRoles') }),
    );
    await admin.send(new AttachUserPolicyCommand({ UserName: 'bob', PolicyArn: Policy?.Arn }));
    await expect(bob.send(new ListRolesCommand({}))).resolves.toMatchObject({ Roles: [] });
    await admin.send(new DetachUserPolicyCommand({ UserName: 'bob', PolicyArn: Policy?.Arn }));
    await expect(bob.send(new ListRolesCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('gets what an AWS managed policy grants', async () => {
    const reader = await userClient('reader');
    await admin.send(
      new AttachUserPolicyCommand({ UserName: 'reader', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }),
    );
    await expect(reader.send(new ListUsersCommand({}))).resolves.toHaveProperty('Users');
    await expect(reader.send(new CreateUserCommand({ UserName: 'nope' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: expect.stringContaining(`iam:CreateUser on resource: arn:aws:iam::${ACCOUNT}:user/nope`),
    });
  });
});

describe('groups and boundaries', () => {
  it('applies a group policy to its members only while they are members', async () => {
    const carol = await userClient('carol');
    await admin.send(new CreateGroupCommand({ GroupName: 'readers' }));
    await admin.send(
      new AttachGroupPolicyCommand({ GroupName: 'readers', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }),
    );
    await expect(carol.send(new ListUsersCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' });
    await admin.send(new AddUserToGroupCommand({ GroupName: 'readers', UserName: 'carol' }));
    await expect(carol.send(new ListUsersCommand({}))).resolves.toHaveProperty('Users');
    await admin.send(new RemoveUserFromGroupCommand({ GroupName: 'readers', UserName: 'carol' }));
    await expect(carol.send(new ListUsersCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('caps a user with its permissions boundary', async () => {
    const dave = await userClient('dave');
    await admin.send(
      new AttachUserPolicyCommand({ UserName: 'dave', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
    );
    const { Policy } = await admin.send(
      new CreatePolicyCommand({ PolicyName: 'OnlyListRoles', PolicyDocument: allow('iam:ListRoles') }),
    );
    await admin.send(new PutUserPermissionsBoundaryCommand({ UserName: 'dave', PermissionsBoundary: Policy?.Arn }));
    await expect(dave.send(new ListRolesCommand({}))).resolves.toHaveProperty('Roles');
    await expect(dave.send(new ListUsersCommand({}))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: expect.stringContaining('because no permissions boundary allows the iam:ListUsers action'),
    });
  });

  it('matches the principal tags of the user in conditions', async () => {
    const erin = await userClient('erin');
    const conditional = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'iam:ListUsers',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
        },
      ],
    });
    await admin.send(new PutUserPolicyCommand({ UserName: 'erin', PolicyName: 'tagged', PolicyDocument: conditional }));
    await expect(erin.send(new ListUsersCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' });
    await admin.send(new TagUserCommand({ UserName: 'erin', Tags: [{ Key: 'team', Value: 'blue' }] }));
    await expect(erin.send(new ListUsersCommand({}))).resolves.toHaveProperty('Users');
  });
});

describe('role sessions', () => {
  it("act with the role's policies, which stop applying the moment they are removed", async () => {
    await admin.send(new CreateUserCommand({ UserName: 'assumer' }));
    const { AccessKey } = await admin.send(new CreateAccessKeyCommand({ UserName: 'assumer' }));
    await admin.send(
      new PutUserPolicyCommand({ UserName: 'assumer', PolicyName: 'assume', PolicyDocument: allow('sts:AssumeRole') }),
    );
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/assumer` }, Action: 'sts:AssumeRole' },
      ],
    });
    await admin.send(new CreateRoleCommand({ RoleName: 'lister', AssumeRolePolicyDocument: trust }));
    await admin.send(
      new PutRolePolicyCommand({ RoleName: 'lister', PolicyName: 'list', PolicyDocument: allow('iam:ListUsers') }),
    );
    const sts = new STSClient(
      server.client({ accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' }),
    );
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/lister`, RoleSessionName: 's1' }),
    );
    const session = new IAMClient(
      server.client({
        accessKeyId: Credentials?.AccessKeyId ?? '',
        secretAccessKey: Credentials?.SecretAccessKey ?? '',
        sessionToken: Credentials?.SessionToken,
      }),
    );
    await expect(session.send(new ListUsersCommand({}))).resolves.toHaveProperty('Users');
    await expect(session.send(new ListRolesCommand({}))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: expect.stringContaining(`User: arn:aws:sts::${ACCOUNT}:assumed-role/lister/s1 is not authorized`),
    });
    await admin.send(new DeleteRolePolicyCommand({ RoleName: 'lister', PolicyName: 'list' }));
    await expect(session.send(new ListUsersCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});
