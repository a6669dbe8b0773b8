// Resource-based policies bind the IAM users they name to their unique ids, as AWS does: a user deleted and
// re-created under the same name inherits nothing from a KMS key policy, a KMS grant or an S3 bucket policy that
// named the old one, and those show the old user's unique id until they are saved again with the ARN.
import {
  DeleteAccessKeyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  GetUserCommand,
  type IAMClient,
  ListAccessKeysCommand,
  ListUserPoliciesCommand,
} from '@aws-sdk/client-iam';
import {
  CreateGrantCommand,
  CreateKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GetKeyPolicyCommand,
  KMSClient,
  ListGrantsCommand,
  PutKeyPolicyCommand,
  RetireGrantCommand,
} from '@aws-sdk/client-kms';
import {
  CreateBucketCommand,
  GetBucketPolicyCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { s3Client } from './s3-authz-support.js';
import { allow, failure, policy, StsWorld, type UserHandle } from './sts-fixtures.js';

const A = '111111111111';
const B = '222222222222';
let server: TestServer;
let world: StsWorld;
let owner: KMSClient;

beforeAll(async () => {
  server = await startTestServer();
  world = new StsWorld(server);
  owner = new KMSClient(server.client(A));
});
afterAll(async () => server.close());

async function userId(account: string, name: string): Promise<string> {
  return (await world.iam(account).send(new GetUserCommand({ UserName: name }))).User!.UserId!;
}

/** Deletes a user as IAM requires: its access keys and inline policies first. */
async function deleteUser(account: string, name: string): Promise<void> {
  const iam: IAMClient = world.iam(account);
  const { AccessKeyMetadata } = await iam.send(new ListAccessKeysCommand({ UserName: name }));
  for (const key of AccessKeyMetadata ?? []) {
    await iam.send(new DeleteAccessKeyCommand({ UserName: name, AccessKeyId: key.AccessKeyId }));
  }
  const { PolicyNames } = await iam.send(new ListUserPoliciesCommand({ UserName: name }));
  for (const policyName of PolicyNames ?? []) {
    await iam.send(new DeleteUserPolicyCommand({ UserName: name, PolicyName: policyName }));
  }
  await iam.send(new DeleteUserCommand({ UserName: name }));
}

function keyPolicy(principal: string, actions: string[]): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Owner', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' },
      { Sid: 'Named', Effect: 'Allow', Principal: { AWS: principal }, Action: actions, Resource: '*' },
    ],
  });
}

async function namedPrincipal(keyId: string): Promise<unknown> {
  const { Policy } = await owner.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }));
  return JSON.parse(Policy!).Statement[1].Principal.AWS;
}

function encrypt(user: UserHandle, keyId: string): Promise<unknown> {
  return new KMSClient(server.client(user.credentials)).send(
    new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') }),
  );
}

describe('KMS key policies', () => {
  it('stop allowing a user re-created under the same name, show its old id, and bind again when put again', async () => {
    const first = await world.user(A, 'kp-user');
    const oldId = await userId(A, 'kp-user');
    const policyText = keyPolicy(first.arn, ['kms:Encrypt']);
    const { KeyMetadata } = await owner.send(new CreateKeyCommand({ Policy: policyText }));
    const keyId = KeyMetadata!.KeyId!;
    await encrypt(first, keyId);
    expect(await namedPrincipal(keyId)).toBe(first.arn);

    await deleteUser(A, 'kp-user');
    expect(await namedPrincipal(keyId)).toBe(oldId);
    const second = await world.user(A, 'kp-user');
    expect(second.arn).toBe(first.arn);
    const denied = await failure(encrypt(second, keyId));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toContain('because no identity-based policy allows the kms:Encrypt action');
    expect(await namedPrincipal(keyId)).toBe(oldId);

    await owner.send(new PutKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default', Policy: policyText }));
    await encrypt(second, keyId);
    expect(await namedPrincipal(keyId)).toBe(second.arn);
  });

  it('bind a user of another account: its re-created namesake is denied even with its own IAM permission', async () => {
    const { KeyMetadata } = await owner.send(new CreateKeyCommand({}));
    const keyId = KeyMetadata!.KeyId!;
    const keyArn = KeyMetadata!.Arn!;
    const iamPolicy = policy(allow('kms:Encrypt', keyArn));
    const first = await world.user(B, 'xa-user', iamPolicy);
    const oldId = await userId(B, 'xa-user');
    await owner.send(
      new PutKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default', Policy: keyPolicy(first.arn, ['kms:Encrypt']) }),
    );
    await encrypt(first, keyArn);

    await deleteUser(B, 'xa-user');
    const second = await world.user(B, 'xa-user', iamPolicy);
    const denied = await failure(encrypt(second, keyArn));
    expect(denied.message).toBe(
      `User: ${second.arn} is not authorized to perform: kms:Encrypt on resource: ${keyArn} because no resource-based policy allows the kms:Encrypt action`,
    );
    expect(await namedPrincipal(keyId)).toBe(oldId);

    await owner.send(
      new PutKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default', Policy: keyPolicy(first.arn, ['kms:Encrypt']) }),
    );
    await encrypt(second, keyArn);
  });

  it('still refuse a user that does not exist', async () => {
    const error = await failure(
      owner.send(new CreateKeyCommand({ Policy: keyPolicy(`arn:aws:iam::${A}:user/nobody`, ['kms:Encrypt']) })),
    );
    expect(error).toMatchObject({
      name: 'MalformedPolicyDocumentException',
      message: 'Policy contains a statement with one or more invalid principals.',
    });
  });
});

describe('KMS grants', () => {
  it('stop allowing a re-created grantee, list its old id, and a new grant binds the new user', async () => {
    const { KeyMetadata } = await owner.send(new CreateKeyCommand({}));
    const keyId = KeyMetadata!.KeyId!;
    const first = await world.user(A, 'grant-user');
    const oldId = await userId(A, 'grant-user');
    const grant = await owner.send(
      new CreateGrantCommand({
        KeyId: keyId,
        GranteePrincipal: first.arn,
        RetiringPrincipal: first.arn,
        Operations: ['GenerateDataKey'],
      }),
    );
    const dataKey = (user: UserHandle) =>
      new KMSClient(server.client(user.credentials)).send(
        new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }),
      );
    await dataKey(first);

    await deleteUser(A, 'grant-user');
    const second = await world.user(A, 'grant-user');
    expect((await failure(dataKey(second))).name).toBe('AccessDeniedException');
    const listed = await owner.send(new ListGrantsCommand({ KeyId: keyId }));
    expect(listed.Grants).toEqual([
      expect.objectContaining({ GrantId: grant.GrantId, GranteePrincipal: oldId, RetiringPrincipal: oldId }),
    ]);
    const byArn = await owner.send(new ListGrantsCommand({ KeyId: keyId, GranteePrincipal: second.arn }));
    expect(byArn.Grants).toEqual([]);
    // The retiring principal is bound too: the new user may not retire the old user's grant.
    const asSecond = new KMSClient(server.client(second.credentials));
    const retire = await failure(
      asSecond.send(new RetireGrantCommand({ KeyId: KeyMetadata!.Arn!, GrantId: grant.GrantId })),
    );
    expect(retire.name).toBe('AccessDeniedException');

    const again = await owner.send(
      new CreateGrantCommand({ KeyId: keyId, GranteePrincipal: second.arn, Operations: ['GenerateDataKey'] }),
    );
    await dataKey(second);
    const after = await owner.send(new ListGrantsCommand({ KeyId: keyId, GranteePrincipal: second.arn }));
    expect(after.Grants).toEqual([expect.objectContaining({ GrantId: again.GrantId, GranteePrincipal: second.arn })]);
  });

  it('refuse a grantee user that does not exist', async () => {
    const { KeyMetadata } = await owner.send(new CreateKeyCommand({}));
    const error = await failure(
      owner.send(
        new CreateGrantCommand({
          KeyId: KeyMetadata!.KeyId!,
          GranteePrincipal: `arn:aws:iam::${A}:user/nobody`,
          Operations: ['Decrypt'],
        }),
      ),
    );
    expect(error.name).toBe('InvalidArnException');
  });
});

describe('S3 bucket policies', () => {
  it('stop allowing a re-created user, show its old id, and bind the new user when put again', async () => {
    const bucket = 'bound-principal-bucket';
    const s3 = s3Client(server, A);
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const first = await world.user(A, 's3-user');
    const oldId = await userId(A, 's3-user');
    const bucketPolicy = policy({
      Effect: 'Allow',
      Principal: { AWS: first.arn },
      Action: 's3:ListBucket',
      Resource: `arn:aws:s3:::${bucket}`,
    });
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: bucketPolicy }));
    const list = (user: UserHandle) =>
      s3Client(server, user.credentials).send(new ListObjectsV2Command({ Bucket: bucket }));
    const shown = async () =>
      JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy!).Statement[0].Principal.AWS;
    await list(first);
    expect(await shown()).toBe(first.arn);

    await deleteUser(A, 's3-user');
    const second = await world.user(A, 's3-user');
    await expect(list(second)).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect(await shown()).toBe(oldId);

    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: bucketPolicy }));
    await list(second);
    expect(await shown()).toBe(second.arn);
  });
});
