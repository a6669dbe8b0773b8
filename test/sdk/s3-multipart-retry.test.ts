// A CompleteMultipartUpload retried after it succeeded (SDKs retry it after timeouts) is answered with the first result,
// as S3 answers it (adobe/S3Mock#2586, minio/minio#13318), instead of NoSuchUpload: for the same bucket, key and parts,
// within the retry window, concurrently, and after a restart of a durable server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CompleteMultipartUploadCommand,
  type CompleteMultipartUploadCommandInput,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let server: TestServer;
let s3: S3Client;
const BUCKET = 'retried';
const VERSIONED = 'retried-versions';

beforeAll(async () => {
  server = await startTestServer();
  s3 = new S3Client(server.client('111111111111'));
  await createBuckets(s3);
});
afterAll(async () => server.close());

async function createBuckets(client: S3Client) {
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await client.send(new CreateBucketCommand({ Bucket: VERSIONED }));
  await client.send(
    new PutBucketVersioningCommand({ Bucket: VERSIONED, VersioningConfiguration: { Status: 'Enabled' } }),
  );
}

/** An upload of one small part, ready to complete; returns the completion request. */
async function prepared(
  client: S3Client,
  Bucket: string,
  Key: string,
  body = 'part one',
  extra: { ChecksumAlgorithm?: 'CRC32' } = {},
): Promise<CompleteMultipartUploadCommandInput> {
  const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key, ...extra }));
  const part = await client.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: body, ...extra }));
  return {
    Bucket,
    Key,
    UploadId,
    MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag, ChecksumCRC32: part.ChecksumCRC32 }] },
  };
}

async function complete(client: S3Client, input: CompleteMultipartUploadCommandInput) {
  const { $metadata, ...output } = await client.send(new CompleteMultipartUploadCommand(input));
  return output;
}

async function body(client: S3Client, Bucket: string, Key: string): Promise<string | undefined> {
  const got = await client.send(new GetObjectCommand({ Bucket, Key }));
  return got.Body?.transformToString();
}

describe('CompleteMultipartUpload retried after it succeeded', () => {
  it('answers the same result again, version id and checksum included, without writing anything', async () => {
    const request = await prepared(s3, VERSIONED, 'again', 'part one', { ChecksumAlgorithm: 'CRC32' });
    const first = await complete(s3, request);
    expect(first).toMatchObject({ ETag: expect.stringMatching(/-1"$/), VersionId: expect.any(String) });
    expect(first.ChecksumCRC32).toBeDefined();
    expect(await complete(s3, request)).toEqual(first);
    // Its conditions held when the upload completed; a retry does not evaluate them against its own object.
    expect(await complete(s3, { ...request, IfNoneMatch: '*' })).toEqual(first);
    const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: VERSIONED, Prefix: 'again' }));
    expect(versions.Versions?.map((v) => v.VersionId)).toEqual([first.VersionId]);
  });

  it('answers the first result even after the object was overwritten, and leaves the newer object', async () => {
    const request = await prepared(s3, BUCKET, 'overwritten');
    const first = await complete(s3, request);
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'overwritten', Body: 'newer' }));
    expect(await complete(s3, request)).toEqual(first);
    expect(await body(s3, BUCKET, 'overwritten')).toBe('newer');
  });

  it('answers NoSuchUpload to a retry that lists other parts or names another key', async () => {
    const request = await prepared(s3, BUCKET, 'strict');
    await complete(s3, request);
    const otherParts = {
      ...request,
      MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"0123456789abcdef0123456789abcdef"' }] },
    };
    await expect(complete(s3, otherParts)).rejects.toMatchObject({
      name: 'NoSuchUpload',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(complete(s3, { ...request, Key: 'elsewhere' })).rejects.toMatchObject({ name: 'NoSuchUpload' });
  });

  it('gives both of two concurrent completions of one upload the same answer', async () => {
    const request = await prepared(s3, VERSIONED, 'raced');
    const [a, b] = await Promise.all([complete(s3, request), complete(s3, request)]);
    expect(b).toEqual(a);
    const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: VERSIONED, Prefix: 'raced' }));
    expect(versions.Versions).toHaveLength(1);
  });
});

describe('the retry window', () => {
  it('forgets a completion after a day', async () => {
    let now = Date.now();
    const clocked = await startTestServer({ clock: { now: () => now } });
    // The SDK signs with the time the server's clock shows, or SigV4 refuses the skew.
    const client = () => new S3Client({ ...clocked.client('111111111111'), systemClockOffset: now - Date.now() });
    try {
      await createBuckets(client());
      const request = await prepared(client(), BUCKET, 'late');
      const first = await complete(client(), request);
      now += 23 * 60 * 60 * 1000;
      expect(await complete(client(), request)).toEqual(first);
      now += 2 * 60 * 60 * 1000;
      await expect(complete(client(), request)).rejects.toMatchObject({ name: 'NoSuchUpload' });
    } finally {
      await clocked.close();
    }
  });
});

describe('restart', () => {
  it('answers a retry after the server restarted on the same data directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'xacct-mpu-retry-'));
    try {
      const before = await startTestServer({ dataDir });
      let request: CompleteMultipartUploadCommandInput;
      let first: Awaited<ReturnType<typeof complete>>;
      try {
        const client = new S3Client(before.client('111111111111'));
        await createBuckets(client);
        request = await prepared(client, VERSIONED, 'durable');
        first = await complete(client, request);
      } finally {
        await before.close();
      }
      const after = await startTestServer({ dataDir });
      try {
        const client = new S3Client(after.client('111111111111'));
        const again = await complete(client, request);
        expect({ ...again, Location: undefined }).toEqual({ ...first, Location: undefined });
        expect(await body(client, VERSIONED, 'durable')).toBe('part one');
      } finally {
        await after.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
