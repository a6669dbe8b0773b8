// RDS DB instances and snapshots of one account through the real RDS client: shapes, errors and authorization.
import { CreateKeyCommand, DisableKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  CreateDBInstanceCommand,
  CreateDBSnapshotCommand,
  DeleteDBInstanceCommand,
  DeleteDBSnapshotCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { failure, StsWorld } from './sts-fixtures.js';

const A = '111111111111';
let server: TestServer;
let rds: RDSClient;

beforeAll(async () => {
  server = await startTestServer();
  rds = new RDSClient(server.client(A));
});
afterAll(async () => server.close());

function create(identifier: string, extra: Record<string, unknown> = {}) {
  return rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: identifier,
      DBInstanceClass: 'db.t3.micro',
      Engine: 'mysql',
      MasterUsername: 'admin',
      AllocatedStorage: 20,
      ...extra,
    }),
  );
}

describe('DB instances', () => {
  it('creates an instance (lower-cased identifier) that is available at once', async () => {
    const { DBInstance } = await create('Web-DB');
    expect(DBInstance).toMatchObject({
      DBInstanceIdentifier: 'web-db',
      DBInstanceStatus: 'creating',
      Engine: 'mysql',
      StorageEncrypted: false,
      DBInstanceArn: `arn:aws:rds:us-east-1:${A}:db:web-db`,
      Endpoint: { Port: 3306 },
    });
    expect(DBInstance?.DbiResourceId).toMatch(/^db-[A-Z2-7]{26}$/);
    const described = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'web-db' }));
    expect(described.DBInstances?.[0]?.DBInstanceStatus).toBe('available');
    expect(described.DBInstances?.[0]?.Endpoint?.Address).toMatch(
      /^web-db\.c[0-9a-f]{11}\.us-east-1\.rds\.amazonaws\.com$/,
    );
  });

  it('answers AWS errors for duplicates, bad identifiers, unknown engines and unknown instances', async () => {
    await create('dup');
    const duplicate = await failure(create('dup'));
    expect(duplicate).toMatchObject({ name: 'DBInstanceAlreadyExistsFault', message: 'DB instance already exists' });
    const badName = await failure(create('1-bad'));
    expect(badName).toMatchObject({
      name: 'InvalidParameterValue',
      message:
        'The parameter DBInstanceIdentifier is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.',
    });
    const badEngine = await failure(create('engine-x', { Engine: 'cobol' }));
    expect(badEngine).toMatchObject({ name: 'InvalidParameterValue', message: 'Invalid DB engine' });
    const missing = await failure(rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'nope' })));
    expect(missing).toMatchObject({
      name: 'DBInstanceNotFoundFault',
      message: 'DBInstance nope not found.',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('deletes with a final snapshot, which must be asked for or skipped explicitly', async () => {
    await create('to-delete');
    const neither = await failure(rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'to-delete' })));
    expect(neither).toMatchObject({
      name: 'InvalidParameterCombination',
      message: 'FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.',
    });
    const deleted = await rds.send(
      new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'to-delete', FinalDBSnapshotIdentifier: 'to-delete-final' }),
    );
    expect(deleted.DBInstance?.DBInstanceStatus).toBe('deleting');
    const gone = await failure(rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'to-delete' })));
    expect(gone.name).toBe('DBInstanceNotFoundFault');
    const { DBSnapshots } = await rds.send(new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'to-delete' }));
    expect(DBSnapshots?.map((s) => s.DBSnapshotIdentifier)).toEqual(['to-delete-final']);
  });

  it('encrypts with a customer managed key, and refuses a disabled one with KMSKeyNotAccessibleFault', async () => {
    const kms = new KMSClient(server.client(A));
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const encrypted = await create('secure', { StorageEncrypted: true, KmsKeyId: KeyMetadata!.KeyId });
    expect(encrypted.DBInstance).toMatchObject({ StorageEncrypted: true, KmsKeyId: KeyMetadata!.Arn });
    await kms.send(new DisableKeyCommand({ KeyId: KeyMetadata!.KeyId }));
    const error = await failure(create('secure-2', { StorageEncrypted: true, KmsKeyId: KeyMetadata!.KeyId }));
    expect(error).toMatchObject({
      name: 'KMSKeyNotAccessibleFault',
      message: `Specified KMS key [${KeyMetadata!.KeyId}] does not exist, is not enabled or you do not have permissions to access it.`,
    });
    const notCreated = await failure(rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'secure-2' })));
    expect(notCreated.name).toBe('DBInstanceNotFoundFault');
  });
});

describe('DB snapshots of one account', () => {
  it('creates, refuses duplicates and unknown instances, and deletes', async () => {
    await create('snap-source');
    const { DBSnapshot } = await rds.send(
      new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'snap-source', DBSnapshotIdentifier: 'snap-1' }),
    );
    expect(DBSnapshot).toMatchObject({
      DBSnapshotIdentifier: 'snap-1',
      DBInstanceIdentifier: 'snap-source',
      SnapshotType: 'manual',
      Encrypted: false,
      DBSnapshotArn: `arn:aws:rds:us-east-1:${A}:snapshot:snap-1`,
    });
    const duplicate = await failure(
      rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'snap-source', DBSnapshotIdentifier: 'snap-1' })),
    );
    expect(duplicate).toMatchObject({
      name: 'DBSnapshotAlreadyExistsFault',
      message: 'Cannot create the snapshot because a snapshot with the identifier snap-1 already exists.',
    });
    const noInstance = await failure(
      rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'ghost', DBSnapshotIdentifier: 'snap-2' })),
    );
    expect(noInstance.name).toBe('DBInstanceNotFoundFault');
    await rds.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: 'snap-1' }));
    const gone = await failure(rds.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: 'snap-1' })));
    expect(gone).toMatchObject({ name: 'DBSnapshotNotFoundFault', message: 'DBSnapshot snap-1 not found.' });
  });

  it('refuses a user without RDS permissions with the query-protocol AccessDenied', async () => {
    const nobody = await new StsWorld(server).user(A, 'nobody');
    const asNobody = new RDSClient(server.client(nobody.credentials));
    const error = await failure(
      asNobody.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'snap-source', DBSnapshotIdentifier: 'x' })),
    );
    expect(error).toMatchObject({
      name: 'AccessDenied',
      message: `User: ${nobody.arn} is not authorized to perform: rds:CreateDBSnapshot on resource: arn:aws:rds:us-east-1:${A}:db:snap-source because no identity-based policy allows the rds:CreateDBSnapshot action`,
      $metadata: { httpStatusCode: 403 },
    });
  });
});
