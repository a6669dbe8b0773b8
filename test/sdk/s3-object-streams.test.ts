// Object bodies as streams: aws-chunked uploads with trailing checksums (what the SDK sends for stream bodies), the
// 8 KiB chunk minimum, uploads cut off midway (nothing is stored), objects surviving a restart, and
// GetObjectAttributes.

import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  GetObjectAttributesCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Crc64Nvme } from '../../src/core/checksums/index.js';
import { startTestServer, type TestServer } from './harness.js';

let server: TestServer;
let s3: S3Client;
const BUCKET = 'streams';

beforeAll(async () => {
  server = await startTestServer();
  s3 = new S3Client({ ...server.client('111111111111'), requestStreamBufferSize: 65536 });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});
afterAll(async () => server.close());

describe('aws-chunked uploads', () => {
  it('decodes a streamed body and verifies its CRC32 trailer', async () => {
    const chunks = Array.from({ length: 40 }, (_, i) => Buffer.alloc(10_000, i));
    const body = Buffer.concat(chunks);
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'streamed',
        Body: Readable.from(chunks),
        ContentLength: body.length,
      }),
    );
    expect(put.ChecksumCRC32).toBeDefined();
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'streamed', ChecksumMode: 'ENABLED' }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(body)).toBe(true);
    expect(got.ChecksumCRC32).toBe(put.ChecksumCRC32);
    expect(got.ContentEncoding).toBeUndefined();
  });

  it('refuses chunks under 8 KiB before the last, as S3 does', async () => {
    const unbuffered = new S3Client(server.client('111111111111'));
    const chunks = [Buffer.from('tiny '), Buffer.from('chunks')];
    await expect(
      unbuffered.send(
        new PutObjectCommand({ Bucket: BUCKET, Key: 'tiny', Body: Readable.from(chunks), ContentLength: 11 }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidChunkSizeError', $metadata: { httpStatusCode: 400 } });
    await expect(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'tiny' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
  });
});

describe('large bodies (their flexible checksum is computed on a worker thread)', () => {
  const body = randomBytes(9 * 1024 * 1024 + 3);

  it('stores the CRC64NVME of an upload that names no checksum, as S3 does', async () => {
    const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: BUCKET, Key: 'large' }));
    const put = await fetch(url, { method: 'PUT', body });
    expect(put.status).toBe(200);
    const crc = new Crc64Nvme();
    crc.update(body);
    expect(put.headers.get('x-amz-checksum-crc64nvme')).toBe(crc.digest().toString('base64'));
    expect(put.headers.get('x-amz-checksum-type')).toBe('FULL_OBJECT');
    expect(put.headers.get('etag')).toBe(`"${createHash('md5').update(body).digest('hex')}"`);
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'large', ChecksumMode: 'ENABLED' }));
    expect(got.ChecksumCRC64NVME).toBe(crc.digest().toString('base64'));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(body)).toBe(true);
  });

  it('verifies a claimed checksum of a large body and stores nothing when it does not match', async () => {
    const sha256 = createHash('sha256').update(body).digest('base64');
    const put = await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'large-sha', Body: body, ChecksumSHA256: sha256 }),
    );
    expect(put.ChecksumSHA256).toBe(sha256);
    const wrong = createHash('sha256').update('other').digest('base64');
    await expect(
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'large-bad', Body: body, ChecksumSHA256: wrong })),
    ).rejects.toMatchObject({
      name: 'BadDigest',
      message: 'The SHA256 you specified did not match the calculated checksum.',
    });
    await expect(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'large-bad' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
  });
});

describe('interrupted uploads', () => {
  it('leave no object when the client goes away midway, and the server keeps serving', async () => {
    const url = new URL(await getSignedUrl(s3, new PutObjectCommand({ Bucket: BUCKET, Key: 'cut' })));
    await new Promise<void>((resolve) => {
      const req = request(url, { method: 'PUT', headers: { 'content-length': '1000000' } });
      req.on('error', () => resolve());
      req.write(Buffer.alloc(1000));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 200);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'cut' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
    const listed = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'streamed' }));
    expect(listed.ContentLength).toBe(400_000);
  });
});

describe('restart', () => {
  it('keeps objects and their metadata in the data directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'xacct-objects-'));
    const first = await startTestServer({ dataDir });
    const client = new S3Client(first.client('111111111111'));
    await client.send(new CreateBucketCommand({ Bucket: 'durable' }));
    await client.send(
      new PutObjectCommand({ Bucket: 'durable', Key: 'kept', Body: 'still here', Metadata: { a: '1' } }),
    );
    await first.close();
    const second = await startTestServer({ dataDir });
    try {
      const got = await new S3Client(second.client('111111111111')).send(
        new GetObjectCommand({ Bucket: 'durable', Key: 'kept' }),
      );
      expect(await got.Body?.transformToString()).toBe('still here');
      expect(got.Metadata).toEqual({ a: '1' });
    } finally {
      await second.close();
    }
  });
});

describe('GetObjectAttributes', () => {
  it('answers the attributes asked for', async () => {
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'attrs', Body: 'attributes', ChecksumAlgorithm: 'SHA256' }),
    );
    const attributes = await s3.send(
      new GetObjectAttributesCommand({
        Bucket: BUCKET,
        Key: 'attrs',
        ObjectAttributes: ['ETag', 'ObjectSize', 'StorageClass', 'Checksum'],
      }),
    );
    expect(attributes).toMatchObject({
      ETag: expect.stringMatching(/^[0-9a-f]{32}$/),
      ObjectSize: 10,
      StorageClass: 'STANDARD',
      Checksum: { ChecksumSHA256: expect.any(String), ChecksumType: 'FULL_OBJECT' },
    });
    await expect(
      s3.send(new GetObjectAttributesCommand({ Bucket: BUCKET, Key: 'nope', ObjectAttributes: ['ETag'] })),
    ).rejects.toMatchObject({ name: 'NoSuchKey' });
  });
});
