// SSE-KMS through the real S3 and KMS clients: bodies really encrypted at rest under a data key from KMS, read back
// whole, by range and with HEAD; the key chosen by header, bucket default or aws/s3; the encryption context KMS sees;
// KMS authorizing writers and (cross-account) readers as themselves, with S3's errors and the trail's record of it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  KMSClient,
  PutKeyPolicyCommand,
} from '@aws-sdk/client-kms';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutBucketEncryptionCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExplain } from '../../src/cli/commands/explain.js';
import { startTestServer, type TestServer } from './harness.js';
import { s3Client, userWithPolicy } from './s3-authz-support.js';
import { failure } from './sts-fixtures.js';

const A = '111111111111';
const B = '222222222222';
const BUCKET = 'sse-data';
const MARKER = 'plaintext-marker:';

let server: TestServer;
let s3: S3Client;
let kms: KMSClient;
let keyArn: string;

const statement = (Action: string | string[], Resource: string | string[], extra: object = {}) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
const document = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const ownerStatement = {
  Sid: 'Owner',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${A}:root` },
  Action: 'kms:*',
  Resource: '*',
};

/** Every blob file the server holds, read from disk. */
function blobContents(): Buffer[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
    );
  return walk(server.storage.blobs.root).map((file) => readFileSync(file));
}

const text = async (output: { Body?: { transformToString(): Promise<string> } }) => output.Body!.transformToString();
const eventOf = (error: unknown) =>
  server.app.trail.get(
    (error as { $response: { headers: Record<string, string> } }).$response.headers['x-xacct-event-id']!,
  );

beforeAll(async () => {
  server = await startTestServer();
  s3 = new S3Client(server.client(A));
  kms = new KMSClient(server.client(A));
  keyArn = (await kms.send(new CreateKeyCommand({}))).KeyMetadata!.Arn!;
  await kms.send(new CreateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: keyArn }));
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await s3.send(
    new PutBucketPolicyCommand({
      Bucket: BUCKET,
      Policy: JSON.stringify(
        document({
          ...statement('s3:GetObject', `arn:aws:s3:::${BUCKET}/*`),
          Principal: { AWS: `arn:aws:iam::${B}:root` },
        }),
      ),
    }),
  );
});
afterAll(async () => server.close());

describe('objects encrypted at rest', () => {
  it('stores the body encrypted under the named key and serves it whole, by range and with HEAD', async () => {
    const small = `${MARKER}${'s'.repeat(1000)}`;
    const large = Array.from({ length: 4000 }, (_, i) => `${MARKER}${i};`).join('');
    for (const [Key, Body] of [
      ['small', small],
      ['large', large],
    ]) {
      const put = await s3.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key,
          Body,
          ServerSideEncryption: 'aws:kms',
          SSEKMSKeyId: 'alias/orders',
        }),
      );
      expect(put).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn });
      expect(put.BucketKeyEnabled).toBeUndefined();
    }
    expect(blobContents().filter((blob) => blob.includes(MARKER))).toEqual([]);
    const whole = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'small' }));
    expect(await text(whole)).toBe(small);
    expect(whole).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn, ContentLength: small.length });
    expect(await text(await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'large' })))).toBe(large);
    for (const [Key, body, first, last] of [
      ['small', small, 5, 40],
      ['large', large, 70_001, 70_100],
      ['large', large, 17, 90_000],
    ] as const) {
      const ranged = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key, Range: `bytes=${first}-${last}` }));
      expect(await text(ranged)).toBe(body.slice(first, last + 1));
    }
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'small' }));
    expect(head).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn, ContentLength: small.length });
  });

  it('uses the account aws/s3 key when no key is named, creating it on first use', async () => {
    const put = await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'managed', Body: 'managed', ServerSideEncryption: 'aws:kms' }),
    );
    const managed = (await kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/s3' }))).KeyMetadata!;
    expect(managed.KeyManager).toBe('AWS');
    expect(put.SSEKMSKeyId).toBe(managed.Arn);
  });

  it('applies the bucket default (its key and bucket key) to header-less writes; headers override it', async () => {
    const Bucket = 'sse-default';
    await s3.send(new CreateBucketCommand({ Bucket }));
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket,
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn },
              BucketKeyEnabled: true,
            },
          ],
        },
      }),
    );
    const plain = await s3.send(new PutObjectCommand({ Bucket, Key: 'a', Body: `${MARKER}default` }));
    expect(plain).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn, BucketKeyEnabled: true });
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'a' }));
    expect(got).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn, BucketKeyEnabled: true });
    expect(await text(got)).toBe(`${MARKER}default`);
    const noBucketKey = await s3.send(new PutObjectCommand({ Bucket, Key: 'b', Body: 'b', BucketKeyEnabled: false }));
    expect(noBucketKey).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn });
    expect(noBucketKey.BucketKeyEnabled).toBeUndefined();
    const sseS3 = await s3.send(new PutObjectCommand({ Bucket, Key: 'c', Body: 'c', ServerSideEncryption: 'AES256' }));
    expect(sseS3.ServerSideEncryption).toBe('AES256');
    expect(sseS3.SSEKMSKeyId).toBeUndefined();
    expect(blobContents().filter((blob) => blob.includes(MARKER))).toEqual([]);
  });

  it('gives KMS the object ARN (or the bucket ARN with a bucket key) plus the requester context', async () => {
    const onlyFor = (arn: string) => ({
      Condition: { StringEquals: { 'kms:EncryptionContext:aws:s3:arn': arn, 'kms:EncryptionContext:team': 'blue' } },
    });
    const user = await userWithPolicy(
      server,
      A,
      'context-user',
      document(
        statement(['s3:PutObject', 's3:GetObject'], `arn:aws:s3:::${BUCKET}/*`),
        statement(['kms:GenerateDataKey', 'kms:Decrypt'], keyArn, onlyFor(`arn:aws:s3:::${BUCKET}/ctx/allowed`)),
        statement(['kms:GenerateDataKey', 'kms:Decrypt'], keyArn, onlyFor(`arn:aws:s3:::${BUCKET}`)),
      ),
    );
    const asUser = s3Client(server, user);
    const put = (Key: string, team: string, BucketKeyEnabled = false) =>
      asUser.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key,
          Body: 'context',
          ServerSideEncryption: 'aws:kms',
          SSEKMSKeyId: keyArn,
          SSEKMSEncryptionContext: Buffer.from(JSON.stringify({ team })).toString('base64'),
          BucketKeyEnabled,
        }),
      );
    const allowed = await put('ctx/allowed', 'blue');
    expect(allowed.SSEKMSEncryptionContext).toBe(Buffer.from('{"team":"blue"}').toString('base64'));
    expect(await text(await asUser.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'ctx/allowed' })))).toBe('context');
    await put('ctx/any-key', 'blue', true);
    for (const denied of [put('ctx/other', 'blue'), put('ctx/allowed', 'red')]) {
      expect(await failure(denied)).toMatchObject({
        name: 'AccessDenied',
        message: `User: ${user.arn} is not authorized to perform: kms:GenerateDataKey on resource: ${keyArn} because no identity-based policy allows the kms:GenerateDataKey action`,
        $metadata: { httpStatusCode: 403 },
      });
    }
  });
});

describe('KMS authorizes the requester', () => {
  it('refuses a writer without kms:GenerateDataKey and stores nothing', async () => {
    const writer = await userWithPolicy(server, A, 'writer', document(statement('s3:*', `arn:aws:s3:::${BUCKET}/*`)));
    const denied = await failure(
      s3Client(server, writer).send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: 'never',
          Body: 'x',
          ServerSideEncryption: 'aws:kms',
          SSEKMSKeyId: keyArn,
        }),
      ),
    );
    expect(denied).toMatchObject({
      name: 'AccessDenied',
      message: `User: ${writer.arn} is not authorized to perform: kms:GenerateDataKey on resource: ${keyArn} because no identity-based policy allows the kms:GenerateDataKey action`,
      $metadata: { httpStatusCode: 403 },
    });
    expect(await failure(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'never' })))).toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('lets another account read only when the key policy and its IAM policy both allow kms:Decrypt', async () => {
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'shared',
        Body: 'shared',
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: keyArn,
      }),
    );
    const reader = await userWithPolicy(
      server,
      B,
      'reader',
      document(statement('s3:GetObject', '*'), statement('kms:Decrypt', keyArn)),
    );
    const plainReader = await userWithPolicy(server, B, 'plain-reader', document(statement('s3:GetObject', '*')));
    const read = (who: typeof reader) =>
      s3Client(server, who).send(new GetObjectCommand({ Bucket: BUCKET, Key: 'shared' }));
    const denied = await failure(read(reader));
    expect(denied).toMatchObject({
      name: 'AccessDenied',
      message: `User: ${reader.arn} is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access`,
      $metadata: { httpStatusCode: 403 },
    });
    const event = eventOf(denied)!;
    expect(event).toMatchObject({
      action: 'kms:Decrypt',
      resource: keyArn,
      decision: 'ImplicitDeny',
      deniedBy: 'resource-based',
    });
    expect(event.decisions.map((d) => [d.action, d.decision])).toEqual([
      ['s3:GetObject', 'Allowed'],
      ['kms:Decrypt', 'ImplicitDeny'],
    ]);
    let explained = '';
    const io = {
      out: (t: string) => {
        explained += t;
      },
      err: () => {},
    };
    expect(await runExplain([event.eventId, '--endpoint', server.url], io)).toBe(0);
    // The caller reads KMS's words, which name no key; explain names the key and the policy type that denied.
    expect(explained).toContain(
      `AWS says: User: ${reader.arn} is not authorized to perform: kms:Decrypt on resource: ${keyArn} because no resource-based policy allows the kms:Decrypt action`,
    );
    expect(explained).toContain('Denied because: no resource-based policy allows kms:Decrypt');
    const partner = {
      Sid: 'Partner',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${B}:root` },
      Action: 'kms:Decrypt',
      Resource: '*',
    };
    await kms.send(
      new PutKeyPolicyCommand({ KeyId: keyArn, Policy: JSON.stringify(document(ownerStatement, partner)) }),
    );
    expect(await text(await read(reader))).toBe('shared');
    expect(await failure(read(plainReader))).toMatchObject({
      message: `User: ${plainReader.arn} is not authorized to perform: kms:Decrypt on resource: ${keyArn} because no identity-based policy allows the kms:Decrypt action`,
    });
    // Metadata is not encrypted: HEAD needs kms:Decrypt only to return the stored checksum.
    const head = (ChecksumMode?: 'ENABLED') =>
      s3Client(server, plainReader).send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'shared', ChecksumMode }));
    expect((await head()).SSEKMSKeyId).toBe(keyArn);
    expect(await failure(head('ENABLED'))).toMatchObject({ $metadata: { httpStatusCode: 403 } });
  });

  it('never lets another account use the owner aws/s3 key', async () => {
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'managed-shared', Body: 'x', ServerSideEncryption: 'aws:kms' }),
    );
    const reader = await userWithPolicy(
      server,
      B,
      'any-key-reader',
      document(statement(['s3:GetObject', 'kms:*'], '*')),
    );
    const denied = await failure(
      s3Client(server, reader).send(new GetObjectCommand({ Bucket: BUCKET, Key: 'managed-shared' })),
    );
    expect(denied).toMatchObject({
      name: 'AccessDenied',
      message: `User: ${reader.arn} is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access`,
    });
  });
});
