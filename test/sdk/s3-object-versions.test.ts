// Deletes and versions through the real S3 client: DeleteObject in unversioned, versioned and suspended buckets,
// delete markers, reads by version id, ListObjectVersions, DeleteObjects with per-key results, and object tagging.
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  DeleteObjectTaggingCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { s3Client, userWithPolicy } from './s3-authz-support.js';

let server: TestServer;
let s3: S3Client;
const A = '111111111111';

beforeAll(async () => {
  server = await startTestServer();
  s3 = new S3Client(server.client(A));
  for (const Bucket of ['plain', 'versioned', 'suspended']) await s3.send(new CreateBucketCommand({ Bucket }));
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: 'versioned', VersioningConfiguration: { Status: 'Enabled' } }),
  );
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: 'suspended', VersioningConfiguration: { Status: 'Enabled' } }),
  );
});
afterAll(async () => server.close());

const put = (Bucket: string, Key: string, Body: string) => s3.send(new PutObjectCommand({ Bucket, Key, Body }));
const text = async (Bucket: string, Key: string, VersionId?: string) =>
  (await s3.send(new GetObjectCommand({ Bucket, Key, VersionId }))).Body?.transformToString();

describe('unversioned bucket', () => {
  it('deletes the object with 204, and deleting a missing key succeeds too', async () => {
    await put('plain', 'k', 'v');
    const deleted = await s3.send(new DeleteObjectCommand({ Bucket: 'plain', Key: 'k' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(deleted.DeleteMarker).toBeUndefined();
    await expect(text('plain', 'k')).rejects.toMatchObject({ name: 'NoSuchKey' });
    await s3.send(new DeleteObjectCommand({ Bucket: 'plain', Key: 'k' }));
  });

  it('refuses a version id other than null', async () => {
    await expect(
      s3.send(new DeleteObjectCommand({ Bucket: 'plain', Key: 'k', VersionId: 'abc' })),
    ).rejects.toMatchObject({ name: 'InvalidArgument', message: 'Invalid version id specified' });
  });
});

describe('versioned bucket', () => {
  it('keeps versions, hides the key behind a delete marker and reads old versions by id', async () => {
    const v1 = await put('versioned', 'doc', 'one');
    const v2 = await put('versioned', 'doc', 'two');
    expect(v1.VersionId).toMatch(/^[A-Za-z0-9._]{32}$/);
    expect(v2.VersionId).not.toBe(v1.VersionId);
    expect(await text('versioned', 'doc')).toBe('two');
    expect(await text('versioned', 'doc', v1.VersionId)).toBe('one');
    const marker = await s3.send(new DeleteObjectCommand({ Bucket: 'versioned', Key: 'doc' }));
    expect(marker).toMatchObject({ DeleteMarker: true, VersionId: expect.stringMatching(/^[A-Za-z0-9._]{32}$/) });
    const error = await s3.send(new GetObjectCommand({ Bucket: 'versioned', Key: 'doc' })).catch((e) => e);
    expect(error).toMatchObject({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
    expect(error.$response.headers['x-amz-delete-marker']).toBe('true');
    await expect(
      s3.send(new HeadObjectCommand({ Bucket: 'versioned', Key: 'doc', VersionId: marker.VersionId })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 405 } });
    await expect(
      s3.send(new GetObjectCommand({ Bucket: 'versioned', Key: 'doc', VersionId: 'A'.repeat(32) })),
    ).rejects.toMatchObject({ name: 'NoSuchVersion', $metadata: { httpStatusCode: 404 } });
  });

  it('lists versions and delete markers newest first, and removing the marker restores the object', async () => {
    const listed = await s3.send(new ListObjectVersionsCommand({ Bucket: 'versioned', Prefix: 'doc' }));
    expect(listed.Versions?.map((v) => v.IsLatest)).toEqual([false, false]);
    expect(listed.DeleteMarkers).toHaveLength(1);
    expect(listed.DeleteMarkers?.[0]).toMatchObject({ Key: 'doc', IsLatest: true });
    const removed = await s3.send(
      new DeleteObjectCommand({ Bucket: 'versioned', Key: 'doc', VersionId: listed.DeleteMarkers?.[0]?.VersionId }),
    );
    expect(removed).toMatchObject({ DeleteMarker: true, VersionId: listed.DeleteMarkers?.[0]?.VersionId });
    expect(await text('versioned', 'doc')).toBe('two');
  });

  it('pages versions with key and version-id markers', async () => {
    const first = await s3.send(new ListObjectVersionsCommand({ Bucket: 'versioned', Prefix: 'doc', MaxKeys: 1 }));
    expect(first).toMatchObject({ IsTruncated: true, NextKeyMarker: 'doc' });
    const rest = await s3.send(
      new ListObjectVersionsCommand({
        Bucket: 'versioned',
        Prefix: 'doc',
        KeyMarker: first.NextKeyMarker,
        VersionIdMarker: first.NextVersionIdMarker,
      }),
    );
    expect(rest.Versions).toHaveLength(1);
    expect(rest.Versions?.[0]?.VersionId).not.toBe(first.Versions?.[0]?.VersionId);
    await expect(
      s3.send(new ListObjectVersionsCommand({ Bucket: 'versioned', VersionIdMarker: 'x' })),
    ).rejects.toMatchObject({ name: 'InvalidArgument' });
  });

  it('writes the null version while suspended, replacing only it', async () => {
    const kept = await put('suspended', 'k', 'versioned');
    await s3.send(
      new PutBucketVersioningCommand({ Bucket: 'suspended', VersioningConfiguration: { Status: 'Suspended' } }),
    );
    await put('suspended', 'k', 'null-1');
    await put('suspended', 'k', 'null-2');
    const listed = await s3.send(new ListObjectVersionsCommand({ Bucket: 'suspended' }));
    expect(listed.Versions?.map((v) => v.VersionId)).toEqual(['null', kept.VersionId]);
    expect(await text('suspended', 'k', 'null')).toBe('null-2');
  });
});

describe('DeleteObjects', () => {
  it('reports each key, honours Quiet and authorizes every key on its own', async () => {
    await put('plain', 'x/1', '1');
    await put('plain', 'x/2', '2');
    const user = await userWithPolicy(server, A, 'deleter', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::plain/x/1' }],
    });
    const result = await s3Client(server, user).send(
      new DeleteObjectsCommand({ Bucket: 'plain', Delete: { Objects: [{ Key: 'x/1' }, { Key: 'x/2' }] } }),
    );
    expect(result.Deleted).toEqual([{ Key: 'x/1' }]);
    expect(result.Errors).toEqual([{ Key: 'x/2', Code: 'AccessDenied', Message: 'Access Denied' }]);
    const quiet = await s3.send(
      new DeleteObjectsCommand({
        Bucket: 'plain',
        Delete: { Quiet: true, Objects: [{ Key: 'x/2' }, { Key: 'gone' }] },
      }),
    );
    expect(quiet.Deleted).toBeUndefined();
    expect(quiet.Errors).toBeUndefined();
    await expect(text('plain', 'x/2')).rejects.toMatchObject({ name: 'NoSuchKey' });
  });

  it('creates delete markers in a versioned bucket', async () => {
    await put('versioned', 'm', 'm');
    const result = await s3.send(
      new DeleteObjectsCommand({ Bucket: 'versioned', Delete: { Objects: [{ Key: 'm' }] } }),
    );
    expect(result.Deleted?.[0]).toMatchObject({
      Key: 'm',
      DeleteMarker: true,
      DeleteMarkerVersionId: expect.any(String),
    });
  });
});

describe('object tagging', () => {
  it('puts, gets and deletes tags and refuses invalid tag sets', async () => {
    await put('plain', 'tagged', 't');
    await s3.send(
      new PutObjectTaggingCommand({
        Bucket: 'plain',
        Key: 'tagged',
        Tagging: { TagSet: [{ Key: 'env', Value: 'prod' }] },
      }),
    );
    const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: 'plain', Key: 'tagged' }));
    expect(tags.TagSet).toEqual([{ Key: 'env', Value: 'prod' }]);
    const tooMany = Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await expect(
      s3.send(new PutObjectTaggingCommand({ Bucket: 'plain', Key: 'tagged', Tagging: { TagSet: tooMany } })),
    ).rejects.toMatchObject({ name: 'BadRequest', message: 'Object tags cannot be greater than 10' });
    await expect(
      s3.send(
        new PutObjectTaggingCommand({
          Bucket: 'plain',
          Key: 'tagged',
          Tagging: { TagSet: [{ Key: 'aws:x', Value: 'v' }] },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidTag' });
    await s3.send(new DeleteObjectTaggingCommand({ Bucket: 'plain', Key: 'tagged' }));
    expect((await s3.send(new GetObjectTaggingCommand({ Bucket: 'plain', Key: 'tagged' }))).TagSet).toEqual([]);
  });

  it('decides with s3:ExistingObjectTag', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'secret', Body: 's', Tagging: 'class=secret' }));
    await s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'public', Body: 'p', Tagging: 'class=public' }));
    const user = await userWithPolicy(server, A, 'reader', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::plain/*',
          Condition: { StringEquals: { 's3:ExistingObjectTag/class': 'public' } },
        },
      ],
    });
    const reader = s3Client(server, user);
    expect(
      await (await reader.send(new GetObjectCommand({ Bucket: 'plain', Key: 'public' }))).Body?.transformToString(),
    ).toBe('p');
    await expect(reader.send(new GetObjectCommand({ Bucket: 'plain', Key: 'secret' }))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
  });
});
