// The seed's RDS story through the real RDS and KMS clients: an encrypted snapshot cannot be shared while it is
// encrypted with the AWS managed aws/rds key; re-encrypted with a customer managed key whose key policy names the
// other account, it is shared, and that account copies it under its own key. Without the key policy grant the
// copy fails with KMSKeyNotAccessibleFault.
import { CreateKeyCommand, DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  CopyDBSnapshotCommand,
  CreateDBInstanceCommand,
  CreateDBSnapshotCommand,
  DescribeDBSnapshotAttributesCommand,
  DescribeDBSnapshotsCommand,
  ModifyDBSnapshotAttributeCommand,
  RDSClient,
  RestoreDBInstanceFromDBSnapshotCommand,
} from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { allow, failure, policy, StsWorld, type UserHandle } from './sts-fixtures.js';

const A = '111111111111';
const B = '222222222222';
const snapshotArnA = (id: string) => `arn:aws:rds:us-east-1:${A}:snapshot:${id}`;
let server: TestServer;
let rdsA: RDSClient;
let kmsA: KMSClient;
let dba: UserHandle;
let rdsB: RDSClient;

function ownerKeyPolicy(...extra: object[]): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Owner', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' },
      ...extra,
    ],
  });
}

const shareWithB = {
  Sid: 'AllowUseOfTheKeyByB',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${B}:root` },
  Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:CreateGrant'],
  Resource: '*',
};

async function customerKey(client: KMSClient, keyPolicy?: string): Promise<string> {
  const { KeyMetadata } = await client.send(new CreateKeyCommand({ Policy: keyPolicy }));
  return KeyMetadata!.Arn!;
}

beforeAll(async () => {
  server = await startTestServer();
  rdsA = new RDSClient(server.client(A));
  kmsA = new KMSClient(server.client(A));
  dba = await new StsWorld(server).user(B, 'dba', policy(allow(['rds:*', 'kms:*'])));
  rdsB = new RDSClient(server.client(dba.credentials));
  await rdsA.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: 'orders-db',
      DBInstanceClass: 'db.t3.micro',
      Engine: 'postgres',
      MasterUsername: 'admin',
      AllocatedStorage: 20,
      StorageEncrypted: true,
    }),
  );
  await rdsA.send(
    new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'orders-db', DBSnapshotIdentifier: 'orders-default' }),
  );
});
afterAll(async () => server.close());

describe('sharing an encrypted snapshot with another account', () => {
  it('encrypts with the AWS managed aws/rds key by default and refuses to share such a snapshot', async () => {
    const managed = await kmsA.send(new DescribeKeyCommand({ KeyId: 'alias/aws/rds' }));
    expect(managed.KeyMetadata?.KeyManager).toBe('AWS');
    const { DBSnapshots } = await rdsA.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: 'orders-default' }));
    expect(DBSnapshots?.[0]).toMatchObject({
      Encrypted: true,
      KmsKeyId: managed.KeyMetadata!.Arn,
      SnapshotType: 'manual',
    });
    const error = await failure(
      rdsA.send(
        new ModifyDBSnapshotAttributeCommand({
          DBSnapshotIdentifier: 'orders-default',
          AttributeName: 'restore',
          ValuesToAdd: [B],
        }),
      ),
    );
    expect(error).toMatchObject({ name: 'InvalidParameterValue', $metadata: { httpStatusCode: 400 } });
    const attributes = await rdsA.send(
      new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: 'orders-default' }),
    );
    expect(attributes.DBSnapshotAttributesResult?.DBSnapshotAttributes).toEqual([
      { AttributeName: 'restore', AttributeValues: [] },
    ]);
  });

  it('shares a copy under a customer managed key; B sees it, needs a KmsKeyId, and copies it under its own key', async () => {
    const cmk = await customerKey(kmsA, ownerKeyPolicy(shareWithB));
    const copied = await rdsA.send(
      new CopyDBSnapshotCommand({
        SourceDBSnapshotIdentifier: 'orders-default',
        TargetDBSnapshotIdentifier: 'orders-shared',
        KmsKeyId: cmk,
      }),
    );
    expect(copied.DBSnapshot).toMatchObject({ KmsKeyId: cmk, Encrypted: true });
    const publicly = await failure(
      rdsA.send(
        new ModifyDBSnapshotAttributeCommand({
          DBSnapshotIdentifier: 'orders-shared',
          AttributeName: 'restore',
          ValuesToAdd: ['all'],
        }),
      ),
    );
    expect(publicly.name).toBe('InvalidParameterValue');
    const shared = await rdsA.send(
      new ModifyDBSnapshotAttributeCommand({
        DBSnapshotIdentifier: 'orders-shared',
        AttributeName: 'restore',
        ValuesToAdd: [B],
      }),
    );
    expect(shared.DBSnapshotAttributesResult).toEqual({
      DBSnapshotIdentifier: 'orders-shared',
      DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: [B] }],
    });

    const seen = await rdsB.send(new DescribeDBSnapshotsCommand({ IncludeShared: true }));
    expect(seen.DBSnapshots?.map((s) => [s.DBSnapshotIdentifier, s.SnapshotType])).toEqual([
      [snapshotArnA('orders-shared'), 'shared'],
    ]);
    const withoutKey = await failure(
      rdsB.send(
        new CopyDBSnapshotCommand({
          SourceDBSnapshotIdentifier: snapshotArnA('orders-shared'),
          TargetDBSnapshotIdentifier: 'orders-mine',
        }),
      ),
    );
    expect(withoutKey.name).toBe('InvalidParameterValue');

    const keyB = await customerKey(new KMSClient(server.client(B)));
    const mine = await rdsB.send(
      new CopyDBSnapshotCommand({
        SourceDBSnapshotIdentifier: snapshotArnA('orders-shared'),
        TargetDBSnapshotIdentifier: 'orders-mine',
        KmsKeyId: keyB,
      }),
    );
    expect(mine.DBSnapshot).toMatchObject({
      DBSnapshotIdentifier: 'orders-mine',
      DBSnapshotArn: `arn:aws:rds:us-east-1:${B}:snapshot:orders-mine`,
      KmsKeyId: keyB,
      SourceDBSnapshotIdentifier: snapshotArnA('orders-shared'),
    });
    const restored = await rdsB.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: 'orders-b',
        DBSnapshotIdentifier: 'orders-mine',
      }),
    );
    expect(restored.DBInstance).toMatchObject({ Engine: 'postgres', StorageEncrypted: true, KmsKeyId: keyB });
    const copyEvent = server.app.trail
      .list({ limit: 30 })
      .find((e) => e.operation === 'CopyDBSnapshot' && e.principal === dba.arn && e.status === 200);
    expect(copyEvent?.decisions.map((d) => d.action)).toEqual(
      expect.arrayContaining([
        'rds:CopyDBSnapshot',
        'kms:DescribeKey',
        'kms:CreateGrant',
        'kms:Decrypt',
        'kms:GenerateDataKey',
      ]),
    );
  });

  it('fails with KMSKeyNotAccessibleFault when the source key policy does not let B in', async () => {
    const privateKey = await customerKey(kmsA);
    await rdsA.send(
      new CopyDBSnapshotCommand({
        SourceDBSnapshotIdentifier: 'orders-default',
        TargetDBSnapshotIdentifier: 'orders-private-key',
        KmsKeyId: privateKey,
      }),
    );
    await rdsA.send(
      new ModifyDBSnapshotAttributeCommand({
        DBSnapshotIdentifier: 'orders-private-key',
        AttributeName: 'restore',
        ValuesToAdd: [B],
      }),
    );
    const keyB = await customerKey(new KMSClient(server.client(B)));
    const error = await failure(
      rdsB.send(
        new CopyDBSnapshotCommand({
          SourceDBSnapshotIdentifier: snapshotArnA('orders-private-key'),
          TargetDBSnapshotIdentifier: 'orders-denied',
          KmsKeyId: keyB,
        }),
      ),
    );
    expect(error).toMatchObject({
      name: 'KMSKeyNotAccessibleFault',
      message: `Specified KMS key [${privateKey}] does not exist, is not enabled or you do not have permissions to access it.`,
      $metadata: { httpStatusCode: 400 },
    });
    const event = server.app.trail.list({ limit: 5 }).find((e) => e.errorCode === 'KMSKeyNotAccessibleFault');
    expect(event).toMatchObject({ decision: 'ImplicitDeny', resource: privateKey, deniedBy: 'resource-based' });
  });

  it('does not show or copy a snapshot that was not shared with the caller', async () => {
    await rdsA.send(
      new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'orders-db', DBSnapshotIdentifier: 'orders-private' }),
    );
    const error = await failure(
      rdsB.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: snapshotArnA('orders-private') })),
    );
    expect(error).toMatchObject({
      name: 'DBSnapshotNotFoundFault',
      message: `DBSnapshot ${snapshotArnA('orders-private')} not found.`,
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('needs the caller’s own IAM permission as well as the share', async () => {
    const intern = await new StsWorld(server).user(B, 'intern');
    const rdsIntern = new RDSClient(server.client(intern.credentials));
    const error = await failure(
      rdsIntern.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: snapshotArnA('orders-shared') })),
    );
    expect(error).toMatchObject({
      name: 'AccessDenied',
      message: `User: ${intern.arn} is not authorized to perform: rds:DescribeDBSnapshots on resource: ${snapshotArnA('orders-shared')} because no identity-based policy allows the rds:DescribeDBSnapshots action`,
      $metadata: { httpStatusCode: 403 },
    });
  });
});
