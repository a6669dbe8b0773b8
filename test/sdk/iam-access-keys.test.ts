// Access keys through the real IAM client: issuing (two at most), using, deactivating, last use, and a user
// managing its own keys; a user with keys, policies or groups cannot be deleted.
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  DetachUserPolicyCommand,
  GetAccessKeyLastUsedCommand,
  IAMClient,
  ListAccessKeysCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

const ACCOUNT = '111111111111';
let server: TestServer;
let iam: IAMClient;
beforeAll(async () => {
  server = await startTestServer();
  iam = new IAMClient(server.client(ACCOUNT));
});
afterAll(async () => server.close());

const credentials = (key: { AccessKeyId?: string; SecretAccessKey?: string } | undefined) =>
  server.client({ accessKeyId: key?.AccessKeyId ?? '', secretAccessKey: key?.SecretAccessKey ?? '' });

describe('access keys', () => {
  it('issues AKIA keys with 40-character secrets, two per user at most', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'keyed' }));
    const first = await iam.send(new CreateAccessKeyCommand({ UserName: 'keyed' }));
    expect(first.AccessKey).toMatchObject({
      UserName: 'keyed',
      Status: 'Active',
      AccessKeyId: expect.stringMatching(/^AKIA[A-Z2-7]{16}$/),
      SecretAccessKey: expect.stringMatching(/^[A-Za-z0-9]{40}$/),
    });
    await iam.send(new CreateAccessKeyCommand({ UserName: 'keyed' }));
    await expect(iam.send(new CreateAccessKeyCommand({ UserName: 'keyed' }))).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Cannot exceed quota for AccessKeysPerUser: 2',
      $metadata: { httpStatusCode: 409 },
    });
    const listed = await iam.send(new ListAccessKeysCommand({ UserName: 'keyed' }));
    expect(listed.AccessKeyMetadata?.map((k) => k.Status)).toEqual(['Active', 'Active']);
  });

  it('refuses an inactive key as an invalid token, and accepts it again once reactivated', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'toggled' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'toggled' }));
    const sts = new STSClient(credentials(AccessKey));
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toHaveProperty(
      'Arn',
      `arn:aws:iam::${ACCOUNT}:user/toggled`,
    );
    await iam.send(
      new UpdateAccessKeyCommand({ UserName: 'toggled', AccessKeyId: AccessKey?.AccessKeyId, Status: 'Inactive' }),
    );
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
      $metadata: { httpStatusCode: 403 },
    });
    await iam.send(
      new UpdateAccessKeyCommand({ UserName: 'toggled', AccessKeyId: AccessKey?.AccessKeyId, Status: 'Active' }),
    );
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toHaveProperty('Account', ACCOUNT);
  });

  it('reports when, where and with which service a key was last used', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'used' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'used' }));
    const unused = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: AccessKey?.AccessKeyId }));
    expect(unused).toMatchObject({ UserName: 'used', AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });
    await new STSClient(credentials(AccessKey)).send(new GetCallerIdentityCommand({}));
    const used = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: AccessKey?.AccessKeyId }));
    expect(used.AccessKeyLastUsed).toMatchObject({ ServiceName: 'sts', Region: 'us-east-1' });
    expect(used.AccessKeyLastUsed?.LastUsedDate).toBeInstanceOf(Date);
  });

  it('deletes a key, which then no longer signs anything', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'gone' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'gone' }));
    await iam.send(new DeleteAccessKeyCommand({ UserName: 'gone', AccessKeyId: AccessKey?.AccessKeyId }));
    await expect(new STSClient(credentials(AccessKey)).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
    });
    await expect(
      iam.send(new DeleteAccessKeyCommand({ UserName: 'gone', AccessKeyId: AccessKey?.AccessKeyId })),
    ).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `The Access Key with id ${AccessKey?.AccessKeyId} cannot be found.`,
    });
  });

  it('lets a user manage its own keys without naming itself, when a policy allows it', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'self' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'self' }));
    const self = new IAMClient(credentials(AccessKey));
    await expect(self.send(new ListAccessKeysCommand({}))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: expect.stringContaining('iam:ListAccessKeys on resource: user self'),
    });
    const ownKeys = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'iam:*AccessKey*', Resource: 'arn:aws:iam::*:user/${aws:username}' }],
    });
    await iam.send(new PutUserPolicyCommand({ UserName: 'self', PolicyName: 'own-keys', PolicyDocument: ownKeys }));
    const second = await self.send(new CreateAccessKeyCommand({}));
    expect(second.AccessKey?.UserName).toBe('self');
    const listed = await self.send(new ListAccessKeysCommand({}));
    expect(listed.AccessKeyMetadata).toHaveLength(2);
    await expect(self.send(new ListAccessKeysCommand({ UserName: 'keyed' }))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
  });
});

describe('deleting a user', () => {
  it('reports what still holds the user, one thing at a time', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'busy' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'busy' }));
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
    });
    await iam.send(new PutUserPolicyCommand({ UserName: 'busy', PolicyName: 'p', PolicyDocument: policy }));
    await iam.send(
      new AttachUserPolicyCommand({ UserName: 'busy', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
    );
    const conflict = (message: string) => ({
      name: 'DeleteConflictException',
      message,
      $metadata: { httpStatusCode: 409 },
    });

    await expect(iam.send(new DeleteUserCommand({ UserName: 'busy' }))).rejects.toMatchObject(
      conflict('Cannot delete entity, must delete policies first.'),
    );
    await iam.send(new DeleteUserPolicyCommand({ UserName: 'busy', PolicyName: 'p' }));
    await expect(iam.send(new DeleteUserCommand({ UserName: 'busy' }))).rejects.toMatchObject(
      conflict('Cannot delete entity, must detach all policies first.'),
    );
    await iam.send(
      new DetachUserPolicyCommand({ UserName: 'busy', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
    );
    await expect(iam.send(new DeleteUserCommand({ UserName: 'busy' }))).rejects.toMatchObject(
      conflict('Cannot delete entity, must delete access keys first.'),
    );
    await iam.send(new DeleteAccessKeyCommand({ UserName: 'busy', AccessKeyId: AccessKey?.AccessKeyId }));
    await iam.send(new DeleteUserCommand({ UserName: 'busy' }));
  });
});
