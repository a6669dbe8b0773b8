// Cross-account KMS through the real clients: a user of account B uses account A's key only when A's key policy
// names B and B's IAM policy allows it; management stays with A; AWS managed keys never leave their account.
import {
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GetKeyPolicyCommand,
  KMSClient,
  PutKeyPolicyCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { allow, failure, policy, StsWorld, type UserHandle } from './sts-fixtures.js';

const A = '111111111111';
const B = '222222222222';
let server: TestServer;
let owner: KMSClient;
let keyArn: string;
let keyId: string;
let bob: UserHandle;
let carol: UserHandle;

function keyPolicy(...extra: object[]): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Owner', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' },
      ...extra,
    ],
  });
}

beforeAll(async () => {
  server = await startTestServer();
  owner = new KMSClient(server.client(A));
  const { KeyMetadata } = await owner.send(new CreateKeyCommand({ Policy: keyPolicy() }));
  keyArn = KeyMetadata!.Arn!;
  keyId = KeyMetadata!.KeyId!;
  const world = new StsWorld(server);
  bob = await world.user(
    B,
    'bob',
    policy(allow(['kms:Decrypt', 'kms:Encrypt', 'kms:DescribeKey', 'kms:GetKeyPolicy'], keyArn)),
  );
  carol = await world.user(B, 'carol');
});
afterAll(async () => server.close());

describe('cross-account use of a customer managed key', () => {
  it('denies B until A names B in the key policy, then allows B users whose IAM policy allows', async () => {
    const { CiphertextBlob } = await owner.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('shared') }));
    const asBob = new KMSClient(server.client(bob.credentials));
    const denied = await failure(asBob.send(new DecryptCommand({ CiphertextBlob })));
    expect(denied).toMatchObject({
      name: 'AccessDeniedException',
      message: `User: ${bob.arn} is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access`,
      $metadata: { httpStatusCode: 400 },
    });
    await owner.send(
      new PutKeyPolicyCommand({
        KeyId: keyId,
        Policy: keyPolicy({
          Sid: 'PartnerUse',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${B}:root` },
          Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:DescribeKey', 'kms:GetKeyPolicy'],
          Resource: '*',
        }),
      }),
    );
    const decrypted = await asBob.send(new DecryptCommand({ CiphertextBlob }));
    expect(Buffer.from(decrypted.Plaintext!).toString()).toBe('shared');
    expect(decrypted.KeyId).toBe(keyArn);
    const asCarol = new KMSClient(server.client(carol.credentials));
    const noIam = await failure(asCarol.send(new DecryptCommand({ CiphertextBlob })));
    expect(noIam.message).toBe(
      `User: ${carol.arn} is not authorized to perform: kms:Decrypt on resource: ${keyArn} because no identity-based policy allows the kms:Decrypt action`,
    );
  });

  it('finds the key from B only by ARN: a bare key id is looked up in B', async () => {
    const asBob = new KMSClient(server.client(bob.credentials));
    const byId = await failure(asBob.send(new DescribeKeyCommand({ KeyId: keyId })));
    expect(byId).toMatchObject({
      name: 'NotFoundException',
      message: `Key 'arn:aws:kms:us-east-1:${B}:key/${keyId}' does not exist`,
    });
    const byArn = await asBob.send(new DescribeKeyCommand({ KeyId: keyArn }));
    expect(byArn.KeyMetadata?.AWSAccountId).toBe(A);
  });

  it('keeps management with the owner: the key policy grant to B has no effect on GetKeyPolicy', async () => {
    const asBob = new KMSClient(server.client(bob.credentials));
    const error = await failure(asBob.send(new GetKeyPolicyCommand({ KeyId: keyArn })));
    expect(error).toMatchObject({
      name: 'AccessDeniedException',
      message: `User: ${bob.arn} is not authorized to perform: kms:GetKeyPolicy on resource: ${keyArn} because no resource-based policy allows the kms:GetKeyPolicy action`,
    });
  });

  it('records both the denial and the allow in the trail with the deciding key policy statement', async () => {
    const events = server.app.trail.list({ limit: 50 }).filter((e) => e.operation === 'Decrypt');
    expect(events.find((e) => e.principal === bob.arn && e.decision === 'Allowed')?.decidingPolicy).toContain(
      'PartnerUse',
    );
    expect(events.find((e) => e.principal === bob.arn && e.decision === 'ImplicitDeny')?.deniedBy).toBe(
      'resource-based',
    );
  });
});

describe('AWS managed keys', () => {
  it('cannot be used directly, nor from another account, even with IAM allowing everything', async () => {
    const { KeyMetadata } = await owner.send(new DescribeKeyCommand({ KeyId: 'alias/aws/s3' }));
    const direct = await failure(
      owner.send(new EncryptCommand({ KeyId: 'alias/aws/s3', Plaintext: Buffer.from('x') })),
    );
    expect(direct.name).toBe('AccessDeniedException');
    const admin = await new StsWorld(server).user(B, 'admin', policy(allow('kms:*')));
    const asAdmin = new KMSClient(server.client(admin.credentials));
    const cross = await failure(
      asAdmin.send(new EncryptCommand({ KeyId: KeyMetadata!.Arn, Plaintext: Buffer.from('x') })),
    );
    expect(cross).toMatchObject({
      name: 'AccessDeniedException',
      message: `User: ${admin.arn} is not authorized to perform: kms:Encrypt on resource: ${KeyMetadata!.Arn} because no resource-based policy allows the kms:Encrypt action`,
    });
  });
});
