// CopyObject through the real S3 client: metadata and tagging directives, copy-source conditions, copying onto
// itself, and a cross-account copy whose source read is authorized by the source bucket's own policy.
import {
  CopyObjectCommand,
  CreateBucketCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let server: TestServer;
let a: S3Client;
let b: S3Client;
const A = '111111111111';
const B = '222222222222';

beforeAll(async () => {
  server = await startTestServer();
  a = new S3Client(server.client(A));
  b = new S3Client(server.client(B));
  await a.send(new CreateBucketCommand({ Bucket: 'copy-src' }));
  await b.send(new CreateBucketCommand({ Bucket: 'copy-dst' }));
  await a.send(
    new PutObjectCommand({
      Bucket: 'copy-src',
      Key: 'original',
      Body: 'content',
      ContentType: 'text/plain',
      Metadata: { origin: 'a' },
      Tagging: 'team=a',
    }),
  );
});
afterAll(async () => server.close());

describe('CopyObject in one bucket', () => {
  it('copies metadata and tags by default, and replaces them on request', async () => {
    const copied = await a.send(
      new CopyObjectCommand({ Bucket: 'copy-src', Key: 'same', CopySource: 'copy-src/original' }),
    );
    expect(copied.CopyObjectResult?.ETag).toBe('"9a0364b9e99bb480dd25e1f0284c8555"');
    const head = await a.send(new HeadObjectCommand({ Bucket: 'copy-src', Key: 'same' }));
    expect(head).toMatchObject({ ContentType: 'text/plain', Metadata: { origin: 'a' }, TagCount: 1 });
    await a.send(
      new CopyObjectCommand({
        Bucket: 'copy-src',
        Key: 'replaced',
        CopySource: 'copy-src/original',
        MetadataDirective: 'REPLACE',
        ContentType: 'application/json',
        Metadata: { origin: 'copy' },
        TaggingDirective: 'REPLACE',
        Tagging: 'team=b&new=1',
      }),
    );
    const replaced = await a.send(new HeadObjectCommand({ Bucket: 'copy-src', Key: 'replaced' }));
    expect(replaced).toMatchObject({ ContentType: 'application/json', Metadata: { origin: 'copy' } });
    const tags = await a.send(new GetObjectTaggingCommand({ Bucket: 'copy-src', Key: 'replaced' }));
    expect(tags.TagSet).toEqual([
      { Key: 'team', Value: 'b' },
      { Key: 'new', Value: '1' },
    ]);
  });

  it('refuses to copy an object onto itself without a change, and allows it with REPLACE', async () => {
    await expect(
      a.send(new CopyObjectCommand({ Bucket: 'copy-src', Key: 'original', CopySource: 'copy-src/original' })),
    ).rejects.toMatchObject({ name: 'InvalidRequest', message: expect.stringContaining('copy an object to itself') });
    await a.send(
      new CopyObjectCommand({
        Bucket: 'copy-src',
        Key: 'original',
        CopySource: 'copy-src/original',
        MetadataDirective: 'REPLACE',
        ContentType: 'text/plain',
        Metadata: { origin: 'a', touched: 'yes' },
      }),
    );
    expect((await a.send(new HeadObjectCommand({ Bucket: 'copy-src', Key: 'original' }))).Metadata).toEqual({
      origin: 'a',
      touched: 'yes',
    });
  });

  it('holds copy-source conditions and answers missing sources', async () => {
    await expect(
      a.send(
        new CopyObjectCommand({
          Bucket: 'copy-src',
          Key: 'c',
          CopySource: 'copy-src/original',
          CopySourceIfMatch: '"nope"',
        }),
      ),
    ).rejects.toMatchObject({ name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } });
    await expect(
      a.send(new CopyObjectCommand({ Bucket: 'copy-src', Key: 'c', CopySource: 'copy-src/missing' })),
    ).rejects.toMatchObject({ name: 'NoSuchKey' });
    await expect(
      a.send(new CopyObjectCommand({ Bucket: 'copy-src', Key: 'c', CopySource: 'nowhere' })),
    ).rejects.toMatchObject({ name: 'InvalidArgument' });
    await expect(
      a.send(
        new CopyObjectCommand({
          Bucket: 'copy-src',
          Key: 'c',
          CopySource: 'copy-src/original',
          MetadataDirective: 'MOVE' as 'COPY',
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidArgument' });
  });

  it('copies a named version and reports the source version id', async () => {
    await a.send(
      new PutBucketVersioningCommand({ Bucket: 'copy-src', VersioningConfiguration: { Status: 'Enabled' } }),
    );
    const v1 = await a.send(new PutObjectCommand({ Bucket: 'copy-src', Key: 'ver', Body: 'one' }));
    await a.send(new PutObjectCommand({ Bucket: 'copy-src', Key: 'ver', Body: 'two' }));
    const copied = await a.send(
      new CopyObjectCommand({
        Bucket: 'copy-src',
        Key: 'ver-copy',
        CopySource: `copy-src/ver?versionId=${v1.VersionId}`,
      }),
    );
    expect(copied.CopySourceVersionId).toBe(v1.VersionId);
    expect(copied.VersionId).toMatch(/^[A-Za-z0-9._]{32}$/);
    const got = await a.send(new GetObjectCommand({ Bucket: 'copy-src', Key: 'ver-copy' }));
    expect(await got.Body?.transformToString()).toBe('one');
  });
});

describe('CopyObject across accounts', () => {
  it('needs the source bucket policy to let the other account read', async () => {
    const copy = () =>
      b.send(new CopyObjectCommand({ Bucket: 'copy-dst', Key: 'from-a', CopySource: 'copy-src/same' }));
    await expect(copy()).rejects.toMatchObject({ name: 'AccessDenied', message: 'Access Denied' });
    await a.send(
      new PutBucketPolicyCommand({
        Bucket: 'copy-src',
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${B}:root` },
              Action: ['s3:GetObject', 's3:GetObjectTagging'],
              Resource: 'arn:aws:s3:::copy-src/*',
            },
          ],
        }),
      }),
    );
    await copy();
    const got = await b.send(new GetObjectCommand({ Bucket: 'copy-dst', Key: 'from-a' }));
    expect(await got.Body?.transformToString()).toBe('content');
    const decisions = server.app.trail
      .list({ limit: 50 })
      .find((e) => e.operation === 'CopyObject' && e.status === 200);
    expect(decisions?.principal).toBe(`arn:aws:iam::${B}:root`);
  });
});
