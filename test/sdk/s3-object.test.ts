// Objects through the real S3 client: PutObject/GetObject/HeadObject round trips with metadata and checksums,
// ranges and part reads, conditional reads and writes, digests, and the errors S3 answers for them.
import { createHash } from 'node:crypto';
import {
  CreateBucketCommand,
  DeletePublicAccessBlockCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let server: TestServer;
let s3: S3Client;
const BUCKET = 'objects';

beforeAll(async () => {
  server = await startTestServer();
  s3 = new S3Client(server.client('111111111111'));
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'digits', Body: '0123456789' }));
});
afterAll(async () => server.close());

const get = (input: Omit<ConstructorParameters<typeof GetObjectCommand>[0], 'Bucket'>) =>
  s3.send(new GetObjectCommand({ Bucket: BUCKET, ...input }));

describe('PutObject and GetObject', () => {
  it('stores the body with its content headers and user metadata', async () => {
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'dir/hello world.txt',
        Body: 'hello world',
        ContentType: 'text/plain',
        ContentLanguage: 'en',
        CacheControl: 'max-age=60',
        ContentDisposition: 'inline',
        Metadata: { color: 'blue' },
        StorageClass: 'STANDARD_IA',
        Tagging: 'a=1&b=two',
      }),
    );
    expect(put.ETag).toBe('"5eb63bbbe01eeed093cb22bb8f5acdc3"');
    expect(put.ServerSideEncryption).toBe('AES256');
    expect(put.VersionId).toBeUndefined();
    const got = await get({ Key: 'dir/hello world.txt' });
    expect(await got.Body?.transformToString()).toBe('hello world');
    expect(got).toMatchObject({
      ContentType: 'text/plain',
      ContentLanguage: 'en',
      CacheControl: 'max-age=60',
      ContentDisposition: 'inline',
      Metadata: { color: 'blue' },
      ContentLength: 11,
      StorageClass: 'STANDARD_IA',
      TagCount: 2,
      AcceptRanges: 'bytes',
      ServerSideEncryption: 'AES256',
    });
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'dir/hello world.txt' }));
    expect(head).toMatchObject({ ETag: put.ETag, ContentLength: 11, ContentType: 'text/plain' });
  });

  it('echoes the CRC32 the SDK sends by default and returns it in checksum mode', async () => {
    const body = Buffer.from('checksummed');
    const put = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'crc', Body: body }));
    expect(put.ChecksumCRC32).toBeDefined();
    expect(put.ChecksumType).toBe('FULL_OBJECT');
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'crc', ChecksumMode: 'ENABLED' }));
    expect(head.ChecksumCRC32).toBe(put.ChecksumCRC32);
  });

  it('stores a CRC64NVME when the request carries no checksum', async () => {
    const unchecked = new S3Client({ ...server.client('111111111111'), requestChecksumCalculation: 'WHEN_REQUIRED' });
    await unchecked.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'plain', Body: 'plain' }));
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'plain', ChecksumMode: 'ENABLED' }));
    expect(head.ChecksumCRC64NVME).toMatch(/^[A-Za-z0-9+/]{11}=$/);
    expect(head.ChecksumType).toBe('FULL_OBJECT');
  });

  it('stores an empty object', async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'empty', Body: '' }));
    const got = await get({ Key: 'empty' });
    expect(got.ContentLength).toBe(0);
    expect(await got.Body?.transformToString()).toBe('');
    expect(got.ETag).toBe('"d41d8cd98f00b204e9800998ecf8427e"');
  });

  it('answers NoSuchKey for a missing key when the caller may list, and NoSuchBucket for a missing bucket', async () => {
    await expect(get({ Key: 'missing' })).rejects.toMatchObject({
      name: 'NoSuchKey',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket-here', Key: 'k' }))).rejects.toMatchObject({
      name: 'NoSuchBucket',
    });
    await expect(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'missing' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('answers AccessDenied, not NoSuchKey, to another account', async () => {
    const other = new S3Client(server.client('222222222222'));
    await expect(other.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'missing' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: 'Access Denied',
      $metadata: { httpStatusCode: 403 },
    });
    await expect(other.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'digits' }))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
  });
});

describe('digests', () => {
  it('refuses a Content-MD5 that does not match the body with BadDigest and stores nothing', async () => {
    const wrong = createHash('md5').update('other').digest('base64');
    await expect(
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'bad-md5', Body: 'body', ContentMD5: wrong })),
    ).rejects.toMatchObject({ name: 'BadDigest', $metadata: { httpStatusCode: 400 } });
    await expect(get({ Key: 'bad-md5' })).rejects.toMatchObject({ name: 'NoSuchKey' });
  });

  it('refuses a malformed Content-MD5 with InvalidDigest', async () => {
    await expect(
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'bad-md5', Body: 'body', ContentMD5: 'nope' })),
    ).rejects.toMatchObject({ name: 'InvalidDigest' });
  });

  it('refuses a checksum that does not match with BadDigest', async () => {
    await expect(
      s3.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: 'bad-sha',
          Body: 'body',
          ChecksumSHA256: createHash('sha256').update('x').digest('base64'),
        }),
      ),
    ).rejects.toMatchObject({
      name: 'BadDigest',
      message: 'The SHA256 you specified did not match the calculated checksum.',
    });
  });

  it('accepts a matching Content-MD5 and SHA-1 checksum', async () => {
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'good',
        Body: 'body',
        ContentMD5: createHash('md5').update('body').digest('base64'),
        ChecksumSHA1: createHash('sha1').update('body').digest('base64'),
      }),
    );
    expect(put.ChecksumSHA1).toBe(createHash('sha1').update('body').digest('base64'));
  });
});

describe('ranges and parts', () => {
  it('serves byte, open and suffix ranges with 206 and Content-Range', async () => {
    const cases: [string, string, string][] = [
      ['bytes=2-4', '234', 'bytes 2-4/10'],
      ['bytes=7-', '789', 'bytes 7-9/10'],
      ['bytes=-3', '789', 'bytes 7-9/10'],
      ['bytes=8-100', '89', 'bytes 8-9/10'],
    ];
    for (const [range, body, contentRange] of cases) {
      const got = await get({ Key: 'digits', Range: range });
      expect(got.$metadata.httpStatusCode).toBe(206);
      expect(got.ContentRange).toBe(contentRange);
      expect(await got.Body?.transformToString()).toBe(body);
    }
  });

  it('answers InvalidRange (416) past the end and ignores ranges it cannot read', async () => {
    await expect(get({ Key: 'digits', Range: 'bytes=10-' })).rejects.toMatchObject({
      name: 'InvalidRange',
      $metadata: { httpStatusCode: 416 },
    });
    const whole = await get({ Key: 'digits', Range: 'bytes=a-b' });
    expect(whole.$metadata.httpStatusCode).toBe(200);
    expect(await whole.Body?.transformToString()).toBe('0123456789');
  });

  it('serves part 1 of a simple object and refuses part 2', async () => {
    const part = await get({ Key: 'digits', PartNumber: 1 });
    expect(part.ContentRange).toBe('bytes 0-9/10');
    await expect(get({ Key: 'digits', PartNumber: 2 })).rejects.toMatchObject({
      name: 'InvalidPartNumber',
      $metadata: { httpStatusCode: 416 },
    });
    await expect(get({ Key: 'digits', PartNumber: 1, Range: 'bytes=0-1' })).rejects.toMatchObject({
      name: 'InvalidRequest',
    });
  });
});

describe('conditional reads', () => {
  it('answers 304 to If-None-Match and 412 to If-Match in S3 order', async () => {
    const { ETag, LastModified } = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'digits' }));
    await expect(get({ Key: 'digits', IfNoneMatch: ETag })).rejects.toMatchObject({
      $metadata: { httpStatusCode: 304 },
    });
    await expect(get({ Key: 'digits', IfMatch: '"nope"' })).rejects.toMatchObject({
      name: 'PreconditionFailed',
      $metadata: { httpStatusCode: 412 },
    });
    const matched = await get({ Key: 'digits', IfMatch: ETag, IfUnmodifiedSince: new Date(0) });
    expect(matched.$metadata.httpStatusCode).toBe(200);
    await expect(get({ Key: 'digits', IfUnmodifiedSince: new Date(0) })).rejects.toMatchObject({
      name: 'PreconditionFailed',
    });
    await expect(get({ Key: 'digits', IfModifiedSince: LastModified })).rejects.toMatchObject({
      $metadata: { httpStatusCode: 304 },
    });
  });
});

describe('conditional writes', () => {
  it('writes with If-None-Match only where nothing is', async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'once', Body: '1', IfNoneMatch: '*' }));
    await expect(
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'once', Body: '2', IfNoneMatch: '*' })),
    ).rejects.toMatchObject({ name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } });
    expect(await (await get({ Key: 'once' })).Body?.transformToString()).toBe('1');
  });

  it('writes with If-Match only over that version, and 404 when there is none', async () => {
    const first = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'cas', Body: '1' }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'cas', Body: '2', IfMatch: first.ETag }));
    await expect(
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'cas', Body: '3', IfMatch: first.ETag })),
    ).rejects.toMatchObject({ name: 'PreconditionFailed' });
    await expect(
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'no-cas', Body: '3', IfMatch: first.ETag })),
    ).rejects.toMatchObject({ name: 'NoSuchKey' });
    await expect(
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'cas', Body: '3', IfNoneMatch: 'etag' })),
    ).rejects.toMatchObject({ name: 'NotImplemented', $metadata: { httpStatusCode: 501 } });
  });
});

describe('anonymous access', () => {
  it('reads what a public policy grants, without response overrides, and hides missing keys behind 403', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'public-site' }));
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: 'public-site' }));
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'public-site',
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::public-site/*' },
          ],
        }),
      }),
    );
    await s3.send(
      new PutObjectCommand({ Bucket: 'public-site', Key: 'index.html', Body: '<h1>hi</h1>', ContentType: 'text/html' }),
    );
    const page = await fetch(`${server.url}/public-site/index.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html');
    expect(await page.text()).toBe('<h1>hi</h1>');
    const overridden = await fetch(`${server.url}/public-site/index.html?response-content-type=text/plain`);
    expect(overridden.status).toBe(400);
    expect(await overridden.text()).toContain('<Code>InvalidRequest</Code>');
    const missing = await fetch(`${server.url}/public-site/missing.html`);
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain('<Code>AccessDenied</Code>');
  });
});
