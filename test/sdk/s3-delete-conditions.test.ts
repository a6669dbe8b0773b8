// Conditional deletes through the real S3 client (S3 UG, "How to perform conditional deletes"): DeleteObjects' per-key
// `<ETag>` and DeleteObject's `If-Match`. A failed condition leaves the object where it was: PreconditionFailed for a
// different ETag, NoSuchKey where no current object is; `<Size>`/`<LastModifiedTime>` (directory buckets only) are
// refused rather than ignored.
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let server: TestServer;
let s3: S3Client;
const PLAIN = 'conditional';
const VERSIONED = 'conditional-versions';
const PRECONDITION_FAILED = {
  Code: 'PreconditionFailed',
  Message: 'At least one of the pre-conditions you specified did not hold',
};
const NO_SUCH_KEY = { Code: 'NoSuchKey', Message: 'The specified key does not exist.' };

beforeAll(async () => {
  server = await startTestServer();
  s3 = new S3Client(server.client('111111111111'));
  await s3.send(new CreateBucketCommand({ Bucket: PLAIN }));
  await s3.send(new CreateBucketCommand({ Bucket: VERSIONED }));
  await s3.send(new PutBucketVersioningCommand({ Bucket: VERSIONED, VersioningConfiguration: { Status: 'Enabled' } }));
});
afterAll(async () => server.close());

async function put(Bucket: string, Key: string, Body: string) {
  return s3.send(new PutObjectCommand({ Bucket, Key, Body }));
}

async function body(Bucket: string, Key: string, VersionId?: string): Promise<string | undefined> {
  const got = await s3.send(new GetObjectCommand({ Bucket, Key, VersionId }));
  return got.Body?.transformToString();
}

function deleteObjects(Bucket: string, Objects: NonNullable<DeleteObjectsCommand['input']['Delete']>['Objects']) {
  return s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects } }));
}

describe('DeleteObjects with <ETag>', () => {
  it('keeps an object whose ETag differs and reports PreconditionFailed for it alone', async () => {
    await put(PLAIN, 'guarded', 'keep me');
    const result = await deleteObjects(PLAIN, [{ Key: 'guarded', ETag: '"wrong"' }]);
    expect(result.Deleted).toBeUndefined();
    expect(result.Errors).toEqual([{ Key: 'guarded', ...PRECONDITION_FAILED }]);
    expect(await body(PLAIN, 'guarded')).toBe('keep me');
  });

  it('deletes the keys whose ETag matches (quoted, bare or *) and keeps the others, also when Quiet', async () => {
    const a = await put(PLAIN, 'batch/a', 'a');
    const b = await put(PLAIN, 'batch/b', 'b');
    await put(PLAIN, 'batch/c', 'c');
    await put(PLAIN, 'batch/d', 'd');
    const result = await deleteObjects(PLAIN, [
      { Key: 'batch/a', ETag: a.ETag },
      { Key: 'batch/b', ETag: b.ETag?.replaceAll('"', '') },
      { Key: 'batch/c', ETag: '*' },
      { Key: 'batch/d', ETag: a.ETag },
    ]);
    expect(result.Deleted?.map((d) => d.Key)).toEqual(['batch/a', 'batch/b', 'batch/c']);
    expect(result.Errors).toEqual([{ Key: 'batch/d', ...PRECONDITION_FAILED }]);
    expect(await body(PLAIN, 'batch/d')).toBe('d');
    await expect(body(PLAIN, 'batch/a')).rejects.toMatchObject({ name: 'NoSuchKey' });

    const quiet = await s3.send(
      new DeleteObjectsCommand({ Bucket: PLAIN, Delete: { Quiet: true, Objects: [{ Key: 'batch/d', ETag: a.ETag }] } }),
    );
    expect(quiet.Errors).toEqual([{ Key: 'batch/d', ...PRECONDITION_FAILED }]);
    expect(await body(PLAIN, 'batch/d')).toBe('d');
  });

  it('answers NoSuchKey for a missing key that carries an ETag, and deletes a missing key without one', async () => {
    const result = await deleteObjects(PLAIN, [
      { Key: 'never-written', ETag: '"0123456789abcdef0123456789abcdef"' },
      { Key: 'never-written-either', ETag: '*' },
      { Key: 'never-written-plain' },
    ]);
    expect(result.Errors).toEqual([
      { Key: 'never-written', ...NO_SUCH_KEY },
      { Key: 'never-written-either', ...NO_SUCH_KEY },
    ]);
    expect(result.Deleted).toEqual([{ Key: 'never-written-plain' }]);
  });

  it('holds the ETag against the current version: no marker is stacked on a marker, a named version is checked', async () => {
    const first = await put(VERSIONED, 'history', 'one');
    const second = await put(VERSIONED, 'history', 'two');
    const stale = await deleteObjects(VERSIONED, [{ Key: 'history', ETag: first.ETag }]);
    expect(stale.Errors).toEqual([{ Key: 'history', ...PRECONDITION_FAILED }]);
    const current = await deleteObjects(VERSIONED, [{ Key: 'history', ETag: second.ETag }]);
    expect(current.Deleted?.[0]).toMatchObject({ Key: 'history', DeleteMarker: true });
    const onMarker = await deleteObjects(VERSIONED, [{ Key: 'history', ETag: second.ETag }]);
    expect(onMarker.Errors).toEqual([{ Key: 'history', ...NO_SUCH_KEY }]);

    const wrongVersion = await deleteObjects(VERSIONED, [
      { Key: 'history', VersionId: first.VersionId, ETag: second.ETag },
    ]);
    expect(wrongVersion.Errors).toEqual([{ Key: 'history', VersionId: first.VersionId, ...PRECONDITION_FAILED }]);
    expect(await body(VERSIONED, 'history', first.VersionId)).toBe('one');
    const rightVersion = await deleteObjects(VERSIONED, [
      { Key: 'history', VersionId: first.VersionId, ETag: first.ETag },
    ]);
    expect(rightVersion.Deleted).toEqual([{ Key: 'history', VersionId: first.VersionId }]);
    const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: VERSIONED, Prefix: 'history' }));
    expect(versions.Versions?.map((v) => v.VersionId)).toEqual([second.VersionId]);
    expect(versions.DeleteMarkers).toHaveLength(1);
  });

  it('refuses <Size> and <LastModifiedTime>, which only directory buckets evaluate, and deletes nothing', async () => {
    await put(PLAIN, 'sized', 'six b!');
    for (const condition of [{ Size: 99 }, { LastModifiedTime: new Date(0) }]) {
      await expect(deleteObjects(PLAIN, [{ Key: 'other-key' }, { Key: 'sized', ...condition }])).rejects.toMatchObject({
        name: 'MalformedXML',
        $metadata: { httpStatusCode: 400 },
      });
    }
    expect(await body(PLAIN, 'sized')).toBe('six b!');
  });
});

describe('DeleteObject with If-Match', () => {
  it('answers 412 and keeps the object for a different ETag, 404 where nothing is, and deletes on a match', async () => {
    const written = await put(PLAIN, 'single', 'single');
    await expect(
      s3.send(new DeleteObjectCommand({ Bucket: PLAIN, Key: 'single', IfMatch: '"wrong"' })),
    ).rejects.toMatchObject({ name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } });
    expect(await body(PLAIN, 'single')).toBe('single');
    await s3.send(new DeleteObjectCommand({ Bucket: PLAIN, Key: 'single', IfMatch: written.ETag }));
    await expect(body(PLAIN, 'single')).rejects.toMatchObject({ name: 'NoSuchKey' });
    await expect(
      s3.send(new DeleteObjectCommand({ Bucket: PLAIN, Key: 'single', IfMatch: '*' })),
    ).rejects.toMatchObject({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
  });
});
