// Listing through the real S3 client: ListObjects (v1) and ListObjectsV2 with prefixes, delimiters, paging and URL
// encoding, and the s3:prefix / s3:max-keys condition keys in a user's policy.
import {
  CreateBucketCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  paginateListObjectsV2,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { s3Client, userWithPolicy } from './s3-authz-support.js';

let server: TestServer;
let s3: S3Client;
const A = '111111111111';
const BUCKET = 'listing';
const KEYS = ['a/1.txt', 'a/2.txt', 'a/b/3.txt', 'b/4.txt', 'c.txt', 'd e+f.txt', 'é.txt'];

beforeAll(async () => {
  server = await startTestServer();
  s3 = new S3Client(server.client(A));
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  for (const Key of KEYS) await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: Key }));
});
afterAll(async () => server.close());

describe('ListObjectsV2', () => {
  it('lists every key in UTF-8 order with sizes, ETags and KeyCount', async () => {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    expect(page.Contents?.map((o) => o.Key)).toEqual(KEYS);
    expect(page).toMatchObject({ KeyCount: 7, IsTruncated: false, MaxKeys: 1000, Name: BUCKET, Prefix: '' });
    expect(page.Contents?.[0]).toMatchObject({
      Size: 7,
      StorageClass: 'STANDARD',
      ETag: expect.stringMatching(/^"[0-9a-f]{32}"$/),
    });
    expect(page.Contents?.[0]?.Owner).toBeUndefined();
    expect(page.Contents?.[0]).toMatchObject({ ChecksumAlgorithm: ['CRC32'], ChecksumType: 'FULL_OBJECT' });
  });

  it('rolls keys into CommonPrefixes under a delimiter and counts both against MaxKeys', async () => {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Delimiter: '/', MaxKeys: 3 }));
    expect(page.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['a/', 'b/']);
    expect(page.Contents?.map((o) => o.Key)).toEqual(['c.txt']);
    expect(page).toMatchObject({ KeyCount: 3, IsTruncated: true });
    const next = await s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Delimiter: '/', ContinuationToken: page.NextContinuationToken }),
    );
    expect(next.Contents?.map((o) => o.Key)).toEqual(['d e+f.txt', 'é.txt']);
    expect(next.ContinuationToken).toBe(page.NextContinuationToken);
  });

  it('narrows to a prefix, starts after a key and includes the owner on request', async () => {
    const page = await s3.send(
      new ListObjectsV2Command({
        Bucket: BUCKET,
        Prefix: 'a/',
        Delimiter: '/',
        StartAfter: 'a/1.txt',
        FetchOwner: true,
      }),
    );
    expect(page.Contents?.map((o) => o.Key)).toEqual(['a/2.txt']);
    expect(page.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['a/b/']);
    expect(page.Contents?.[0]?.Owner?.ID).toBe(server.app.accounts.find(A)?.canonicalUserId);
    expect(page.StartAfter).toBe('a/1.txt');
  });

  it('pages through with the paginator one key at a time', async () => {
    const keys: string[] = [];
    for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: BUCKET, MaxKeys: 1 })) {
      keys.push(...(page.Contents ?? []).map((o) => o.Key ?? ''));
    }
    expect(keys).toEqual(KEYS);
  });

  it('URL-encodes names with encoding-type=url', async () => {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'd', EncodingType: 'url' }));
    expect(page.Contents?.map((o) => o.Key)).toEqual(['d%20e%2Bf.txt']);
    expect(page.EncodingType).toBe('url');
  });

  it('refuses a forged continuation token and a bad encoding type', async () => {
    await expect(
      s3.send(new ListObjectsV2Command({ Bucket: BUCKET, ContinuationToken: 'forged' })),
    ).rejects.toMatchObject({ name: 'InvalidArgument', message: 'The continuation token provided is incorrect' });
    await expect(
      s3.send(new ListObjectsV2Command({ Bucket: BUCKET, EncodingType: 'base64' as 'url' })),
    ).rejects.toMatchObject({ name: 'InvalidArgument' });
  });

  it('answers MaxKeys 0 with nothing', async () => {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, MaxKeys: 0 }));
    expect(page).toMatchObject({ KeyCount: 0, IsTruncated: false });
    expect(page.Contents).toBeUndefined();
  });
});

describe('ListObjects (v1)', () => {
  it('pages with Marker and NextMarker and always shows the owner', async () => {
    const first = await s3.send(new ListObjectsCommand({ Bucket: BUCKET, Delimiter: '/', MaxKeys: 2 }));
    expect(first.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['a/', 'b/']);
    expect(first).toMatchObject({ IsTruncated: true, NextMarker: 'b/', Marker: '' });
    const rest = await s3.send(new ListObjectsCommand({ Bucket: BUCKET, Delimiter: '/', Marker: first.NextMarker }));
    expect(rest.Contents?.map((o) => o.Key)).toEqual(['c.txt', 'd e+f.txt', 'é.txt']);
    expect(rest.Contents?.[0]?.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    expect(rest.IsTruncated).toBe(false);
  });
});

describe('listing permissions', () => {
  it('applies s3:prefix and s3:max-keys conditions of an identity policy', async () => {
    const user = await userWithPolicy(server, A, 'lister', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:ListBucket',
          Resource: `arn:aws:s3:::${BUCKET}`,
          Condition: { StringEquals: { 's3:prefix': 'a/' }, NumericLessThanEquals: { 's3:max-keys': 10 } },
        },
      ],
    });
    const client = s3Client(server, user);
    const allowed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'a/', MaxKeys: 10 }));
    expect(allowed.KeyCount).toBe(3);
    await expect(
      client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'b/', MaxKeys: 10 })),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    await expect(client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'a/' }))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
  });
});
