// Multipart uploads through the real S3 client and @aws-sdk/lib-storage: the ETag and checksums of completed
// objects, part reads, UploadPartCopy, listing uploads and parts, aborting, and the errors of Complete.
import { createHash } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let server: TestServer;
let s3: S3Client;
const BUCKET = 'uploads';
const MiB = 1024 * 1024;

beforeAll(async () => {
  server = await startTestServer();
  s3 = new S3Client(server.client('111111111111'));
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});
afterAll(async () => server.close());

function filled(size: number, seed: number): Buffer {
  const buffer = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4096) buffer[i] = (i / 4096 + seed) & 0xff;
  return buffer;
}

const md5 = (data: Buffer) => createHash('md5').update(data).digest();

async function startUpload(
  Key: string,
  extra: Partial<ConstructorParameters<typeof CreateMultipartUploadCommand>[0]> = {},
) {
  const created = await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key, ...extra }));
  return created.UploadId!;
}

describe('lib-storage Upload', () => {
  it('uploads a 12 MiB body in parts and reads it back whole and by part', async () => {
    const body = filled(12 * MiB, 1);
    const upload = new Upload({
      client: s3,
      params: { Bucket: BUCKET, Key: 'big.bin', Body: body },
      partSize: 5 * MiB,
    });
    const result = await upload.done();
    const parts = [body.subarray(0, 5 * MiB), body.subarray(5 * MiB, 10 * MiB), body.subarray(10 * MiB)];
    const expected = `"${createHash('md5')
      .update(Buffer.concat(parts.map(md5)))
      .digest('hex')}-3"`;
    expect(result.ETag).toBe(expected);
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'big.bin' }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(body)).toBe(true);
    const part2 = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'big.bin', PartNumber: 2 }));
    expect(part2).toMatchObject({
      PartsCount: 3,
      ContentLength: 5 * MiB,
      ContentRange: `bytes ${5 * MiB}-${10 * MiB - 1}/${12 * MiB}`,
    });
    expect(Buffer.from(await part2.Body!.transformToByteArray()).equals(parts[1]!)).toBe(true);
  });
});

describe('multipart uploads step by step', () => {
  it('completes with a COMPOSITE CRC32 checksum computed from the parts', async () => {
    const UploadId = await startUpload('crc.bin', { ChecksumAlgorithm: 'CRC32' });
    const a = filled(5 * MiB, 2);
    const b = Buffer.from('tail');
    const p1 = await s3.send(
      new UploadPartCommand({
        Bucket: BUCKET,
        Key: 'crc.bin',
        UploadId,
        PartNumber: 1,
        Body: a,
        ChecksumAlgorithm: 'CRC32',
      }),
    );
    const p2 = await s3.send(
      new UploadPartCommand({
        Bucket: BUCKET,
        Key: 'crc.bin',
        UploadId,
        PartNumber: 2,
        Body: b,
        ChecksumAlgorithm: 'CRC32',
      }),
    );
    expect(p1.ChecksumCRC32).toBeDefined();
    const parts = await s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: 'crc.bin', UploadId }));
    expect(parts.Parts?.map((p) => [p.PartNumber, p.Size])).toEqual([
      [1, 5 * MiB],
      [2, 4],
    ]);
    expect(parts).toMatchObject({ ChecksumAlgorithm: 'CRC32', ChecksumType: 'COMPOSITE', IsTruncated: false });
    const done = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key: 'crc.bin',
        UploadId,
        MultipartUpload: {
          Parts: [
            { PartNumber: 1, ETag: p1.ETag, ChecksumCRC32: p1.ChecksumCRC32 },
            { PartNumber: 2, ETag: p2.ETag, ChecksumCRC32: p2.ChecksumCRC32 },
          ],
        },
      }),
    );
    expect(done.ChecksumCRC32).toMatch(/^[A-Za-z0-9+/]{6}==-2$/);
    expect(done).toMatchObject({ ChecksumType: 'COMPOSITE', Bucket: BUCKET, Key: 'crc.bin' });
    expect(done.Location).toBe(`${server.url}/${BUCKET}/crc.bin`);
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'crc.bin', ChecksumMode: 'ENABLED' }));
    expect(head).toMatchObject({ ContentLength: 5 * MiB + 4, ChecksumCRC32: done.ChecksumCRC32 });
    await expect(s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: 'crc.bin', UploadId }))).rejects.toMatchObject({
      name: 'NoSuchUpload',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('refuses parts out of order, unknown ETags and small non-final parts', async () => {
    const Key = 'errors.bin';
    const UploadId = await startUpload(Key);
    const p1 = await s3.send(new UploadPartCommand({ Bucket: BUCKET, Key, UploadId, PartNumber: 1, Body: 'small' }));
    const p2 = await s3.send(new UploadPartCommand({ Bucket: BUCKET, Key, UploadId, PartNumber: 2, Body: 'last' }));
    const complete = (Parts: { PartNumber: number; ETag?: string }[]) =>
      s3.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key, UploadId, MultipartUpload: { Parts } }));
    await expect(
      complete([
        { PartNumber: 2, ETag: p2.ETag },
        { PartNumber: 1, ETag: p1.ETag },
      ]),
    ).rejects.toMatchObject({
      name: 'InvalidPartOrder',
    });
    await expect(complete([{ PartNumber: 1, ETag: '"0000"' }])).rejects.toMatchObject({ name: 'InvalidPart' });
    await expect(
      complete([
        { PartNumber: 1, ETag: p1.ETag },
        { PartNumber: 2, ETag: p2.ETag },
      ]),
    ).rejects.toMatchObject({
      name: 'EntityTooSmall',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      s3.send(new UploadPartCommand({ Bucket: BUCKET, Key, UploadId, PartNumber: 10001, Body: 'x' })),
    ).rejects.toMatchObject({ name: 'InvalidArgument' });
    const single = await complete([{ PartNumber: 2, ETag: p2.ETag }]);
    expect(single.ETag).toBe(
      `"${createHash('md5')
        .update(md5(Buffer.from('last')))
        .digest('hex')}-1"`,
    );
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
    expect(await got.Body?.transformToString()).toBe('last');
  });

  it('copies a range of an object into a part', async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'source', Body: '0123456789' }));
    const Key = 'copied.bin';
    const UploadId = await startUpload(Key);
    const copied = await s3.send(
      new UploadPartCopyCommand({
        Bucket: BUCKET,
        Key,
        UploadId,
        PartNumber: 1,
        CopySource: `${BUCKET}/source`,
        CopySourceRange: 'bytes=2-5',
      }),
    );
    expect(copied.CopyPartResult?.ETag).toBe(`"${createHash('md5').update('2345').digest('hex')}"`);
    await expect(
      s3.send(
        new UploadPartCopyCommand({
          Bucket: BUCKET,
          Key,
          UploadId,
          PartNumber: 2,
          CopySource: `${BUCKET}/source`,
          CopySourceRange: 'bytes=5-20',
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidArgument' });
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key,
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: copied.CopyPartResult?.ETag }] },
      }),
    );
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
    expect(await got.Body?.transformToString()).toBe('2345');
  });

  it('completes conditionally: 412 when the key appeared, 409 when it vanished meanwhile', async () => {
    const complete = async (Key: string, UploadId: string) => {
      const part = await s3.send(new UploadPartCommand({ Bucket: BUCKET, Key, UploadId, PartNumber: 1, Body: 'p' }));
      return s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: BUCKET,
          Key,
          UploadId,
          IfNoneMatch: '*',
          MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
        }),
      );
    };
    const appeared = await startUpload('cond-new');
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'cond-new', Body: 'first' }));
    await expect(complete('cond-new', appeared)).rejects.toMatchObject({
      name: 'PreconditionFailed',
      $metadata: { httpStatusCode: 412 },
    });
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'cond-old', Body: 'there' }));
    const vanished = await startUpload('cond-old');
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'cond-old' }));
    await expect(complete('cond-old', vanished)).rejects.toMatchObject({
      name: 'ConditionalRequestConflict',
      $metadata: { httpStatusCode: 409 },
    });
  });

  it('lists uploads in progress and forgets aborted ones', async () => {
    const first = await startUpload('list/a');
    const second = await startUpload('list/b');
    const listed = await s3.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: 'list/' }));
    expect(listed.Uploads?.map((u) => u.UploadId)).toEqual([first, second]);
    expect(listed.Uploads?.[0]?.Initiator?.ID).toMatch(/^[0-9a-f]{64}$/);
    const page = await s3.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: 'list/', MaxUploads: 1 }));
    expect(page).toMatchObject({ IsTruncated: true, NextKeyMarker: 'list/a', NextUploadIdMarker: first });
    await s3.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: 'list/a', UploadId: first }));
    const after = await s3.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: 'list/' }));
    expect(after.Uploads?.map((u) => u.UploadId)).toEqual([second]);
    await expect(
      s3.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: 'list/a', UploadId: first })),
    ).rejects.toMatchObject({ name: 'NoSuchUpload' });
  });
});
