// REST XML against the real S3 client: headers and metadata, XML bodies both ways, streams, and S3's errors.
import { Readable } from 'node:stream';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetBucketAclCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsError } from '../../core/aws-error.js';
import { type SdkEndpoint, type StubHandler, startSdkEndpoint } from '../testing/sdk-endpoint.js';

const modified = new Date('2026-02-03T04:05:06.000Z');

const OUTPUTS: Readonly<Record<string, (input: Record<string, unknown>) => Record<string, unknown>>> = {
  PutObject: () => ({ ETag: '"e1"', VersionId: 'v1' }),
  CreateBucket: () => ({ Location: '/b' }),
  GetObject: (input) => {
    if (input.Key === 'missing') {
      throw new AwsError('NoSuchKey', 'The specified key does not exist.', { status: 404, extra: { Key: 'missing' } });
    }
    return {
      Body: Readable.from([Buffer.from('hello '), Buffer.from('world')]),
      ContentLength: 11,
      ContentType: 'text/plain',
      LastModified: modified,
      ETag: '"e1"',
      Metadata: { color: 'blue' },
    };
  },
  HeadObject: () => {
    throw new AwsError('NotFound', 'Not Found', { status: 404 });
  },
  ListObjectsV2: () => ({
    Name: 'b',
    Prefix: 'p/',
    KeyCount: 2,
    MaxKeys: 1000,
    IsTruncated: false,
    Contents: [
      { Key: 'p/a&b.txt', LastModified: modified, ETag: '"1"', Size: 3, StorageClass: 'STANDARD' },
      { Key: 'p/c.txt', LastModified: modified, ETag: '"2"', Size: 0, StorageClass: 'STANDARD' },
    ],
    CommonPrefixes: [{ Prefix: 'p/d/' }],
  }),
  CompleteMultipartUpload: (input) => ({
    Bucket: input.Bucket,
    Key: input.Key,
    ETag: '"m-2"',
    Location: 'http://x/b/k',
  }),
  GetBucketLocation: () => ({ LocationConstraint: 'eu-west-1' }),
  DeleteObjects: () => ({
    Deleted: [{ Key: 'a' }],
    Errors: [{ Key: 'b', Code: 'AccessDenied', Message: 'Access Denied' }],
  }),
  GetBucketAcl: () => ({
    Owner: { ID: 'owner-id' },
    Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'owner-id' }, Permission: 'FULL_CONTROL' }],
  }),
  CopyObject: () => ({ CopyObjectResult: { ETag: '"c"', LastModified: modified } }),
  ListBuckets: () => ({
    Buckets: [{ Name: 'b1', CreationDate: modified, BucketRegion: 'us-east-1' }],
    Owner: { ID: 'o', DisplayName: 'me' },
  }),
  HeadBucket: () => ({ BucketRegion: 'eu-west-1' }),
  GetObjectTagging: () => ({ TagSet: [{ Key: 'k', Value: 'v' }], VersionId: 'v1' }),
  PutBucketTagging: () => ({}),
  GetBucketPolicy: () => ({ Policy: '{"Version":"2012-10-17"}' }),
  PutBucketPolicy: () => ({}),
  CreateMultipartUpload: (input) => ({ Bucket: input.Bucket, Key: input.Key, UploadId: 'up-1' }),
  UploadPart: () => ({ ETag: '"part"' }),
};

const handler: StubHandler = (route, input) => {
  const output = OUTPUTS[route.operation];
  if (!output) throw new Error(`unexpected ${route.operation}`);
  return output(input);
};

let endpoint: SdkEndpoint;
let s3: S3Client;
beforeAll(async () => {
  endpoint = await startSdkEndpoint(handler);
  s3 = new S3Client({
    endpoint: endpoint.url,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  });
});
afterAll(() => endpoint.close());

function lastInput(): Record<string, unknown> {
  return endpoint.calls.at(-1)?.input ?? {};
}

describe('S3 objects', () => {
  it('reads PutObject headers, metadata and the streamed body', async () => {
    const out = await s3.send(
      new PutObjectCommand({
        Bucket: 'b',
        Key: 'dir/a b.txt',
        Body: 'payload',
        ContentType: 'text/plain',
        Metadata: { Color: 'blue', size: 'xl' },
        Tagging: 'a=1',
        CacheControl: 'no-cache',
      }),
    );
    const input = lastInput();
    expect(input).toMatchObject({
      Bucket: 'b',
      Key: 'dir/a b.txt',
      ContentType: 'text/plain',
      Metadata: { color: 'blue', size: 'xl' },
      Tagging: 'a=1',
      CacheControl: 'no-cache',
      ContentLength: 7,
    });
    expect(typeof (input.Body as NodeJS.ReadableStream).pipe).toBe('function');
    expect(out.ETag).toBe('"e1"');
    expect(out.VersionId).toBe('v1');
  });

  it('streams GetObject bodies and writes headers the SDK reads', async () => {
    const out = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
    expect(await out.Body?.transformToString()).toBe('hello world');
    expect(out.ContentType).toBe('text/plain');
    expect(out.LastModified?.getTime()).toBe(modified.getTime());
    expect(out.Metadata).toEqual({ color: 'blue' });
    expect(out.$metadata.requestId).toBe('c0ffee00-0000-4000-8000-000000000001');
  });

  it('copies with x-amz-copy-source and writes the CopyObjectResult payload', async () => {
    const out = await s3.send(new CopyObjectCommand({ Bucket: 'b', Key: 'dst', CopySource: 'src/key%201' }));
    expect(endpoint.calls.at(-1)?.route.operation).toBe('CopyObject');
    expect(lastInput().CopySource).toBe('src/key%201');
    expect(out.CopyObjectResult?.ETag).toBe('"c"');
    expect(out.CopyObjectResult?.LastModified?.getTime()).toBe(modified.getTime());
  });

  it('surfaces S3 errors with their code, status and extra elements', async () => {
    const error = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'missing' })).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'NoSuchKey',
      message: 'The specified key does not exist.',
      Key: 'missing',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('sends HEAD errors without a body, which the SDK names by status', async () => {
    const error = await s3.send(new HeadObjectCommand({ Bucket: 'b', Key: 'k' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NotFound', $metadata: { httpStatusCode: 404 } });
  });
});

describe('S3 XML documents', () => {
  it('writes ListObjectsV2 as ListBucketResult with flattened Contents', async () => {
    const out = await s3.send(new ListObjectsV2Command({ Bucket: 'b', Prefix: 'p/', Delimiter: '/' }));
    expect(lastInput()).toMatchObject({ Bucket: 'b', Prefix: 'p/', Delimiter: '/' });
    expect(out.Contents?.map((c) => c.Key)).toEqual(['p/a&b.txt', 'p/c.txt']);
    expect(out.Contents?.[0]?.LastModified?.getTime()).toBe(modified.getTime());
    expect(out.Contents?.[1]?.Size).toBe(0);
    expect(out.CommonPrefixes).toEqual([{ Prefix: 'p/d/' }]);
    expect(out.KeyCount).toBe(2);
    expect(out.IsTruncated).toBe(false);
  });

  it('reads the CompleteMultipartUpload body', async () => {
    const out = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'b',
        Key: 'k',
        UploadId: 'u1',
        MultipartUpload: {
          Parts: [
            { ETag: '"p1"', PartNumber: 1 },
            { ETag: '"p2"', PartNumber: 2 },
          ],
        },
      }),
    );
    expect(lastInput()).toMatchObject({
      UploadId: 'u1',
      MultipartUpload: {
        Parts: [
          { ETag: '"p1"', PartNumber: 1 },
          { ETag: '"p2"', PartNumber: 2 },
        ],
      },
    });
    expect(out.ETag).toBe('"m-2"');
  });

  it('reads CreateBucketConfiguration and DeleteObjects bodies', async () => {
    await s3.send(
      new CreateBucketCommand({ Bucket: 'b', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }),
    );
    expect(lastInput().CreateBucketConfiguration).toEqual({ LocationConstraint: 'eu-west-1' });
    const out = await s3.send(
      new DeleteObjectsCommand({
        Bucket: 'b',
        Delete: { Objects: [{ Key: 'a' }, { Key: 'b', VersionId: 'v' }], Quiet: false },
      }),
    );
    expect(lastInput().Delete).toEqual({ Objects: [{ Key: 'a' }, { Key: 'b', VersionId: 'v' }], Quiet: false });
    expect(out.Deleted).toEqual([{ Key: 'a' }]);
    expect(out.Errors).toEqual([{ Key: 'b', Code: 'AccessDenied', Message: 'Access Denied' }]);
  });

  it('writes GetBucketLocation as a bare LocationConstraint element', async () => {
    const out = await s3.send(new GetBucketLocationCommand({ Bucket: 'b' }));
    expect(out.LocationConstraint).toBe('eu-west-1');
  });

  it('writes the Grantee xsi:type attribute', async () => {
    const out = await s3.send(new GetBucketAclCommand({ Bucket: 'b' }));
    expect(out.Grants).toEqual([{ Grantee: { Type: 'CanonicalUser', ID: 'owner-id' }, Permission: 'FULL_CONTROL' }]);
  });
});

describe('more S3 operations through the SDK', () => {
  it('lists buckets and heads one', async () => {
    const list = await s3.send(new ListBucketsCommand({}));
    expect(list.Buckets).toEqual([{ Name: 'b1', CreationDate: modified, BucketRegion: 'us-east-1' }]);
    expect(list.Owner?.ID).toBe('o');
    const head = await s3.send(new HeadBucketCommand({ Bucket: 'b1' }));
    expect(head.BucketRegion).toBe('eu-west-1');
  });

  it('round-trips tag sets and policy documents', async () => {
    await s3.send(new PutBucketTaggingCommand({ Bucket: 'b', Tagging: { TagSet: [{ Key: 'a', Value: '1' }] } }));
    expect(lastInput().Tagging).toEqual({ TagSet: [{ Key: 'a', Value: '1' }] });
    const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: 'b', Key: 'k' }));
    expect(tags.TagSet).toEqual([{ Key: 'k', Value: 'v' }]);
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'b', Policy: '{"Statement":[]}' }));
    expect(lastInput().Policy).toBe('{"Statement":[]}');
    const policy = await s3.send(new GetBucketPolicyCommand({ Bucket: 'b' }));
    expect(policy.Policy).toBe('{"Version":"2012-10-17"}');
  });

  it('starts a multipart upload and uploads a part', async () => {
    const created = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: 'b', Key: 'big', ContentType: 'video/mp4' }),
    );
    expect(created.UploadId).toBe('up-1');
    expect(lastInput().ContentType).toBe('video/mp4');
    const part = await s3.send(
      new UploadPartCommand({ Bucket: 'b', Key: 'big', UploadId: 'up-1', PartNumber: 2, Body: 'p' }),
    );
    expect(endpoint.calls.at(-1)?.route.operation).toBe('UploadPart');
    expect(lastInput()).toMatchObject({ UploadId: 'up-1', PartNumber: 2 });
    expect(part.ETag).toBe('"part"');
  });
});
