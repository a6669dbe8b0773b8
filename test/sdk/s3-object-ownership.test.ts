// Cross-account PutObject under each Object Ownership setting (S3 UG, "Controlling ownership of objects"): who owns
// the object, which ACLs are accepted, and what the bucket owner can then do with the object.
import {
  CreateBucketCommand,
  GetObjectAclCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutObjectAclCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let server: TestServer;
let owner: S3Client;
let writer: S3Client;
const A = '111111111111';
const B = '222222222222';

async function bucketFor(name: string, ownership?: 'ObjectWriter' | 'BucketOwnerPreferred'): Promise<void> {
  await owner.send(new CreateBucketCommand({ Bucket: name }));
  if (ownership !== undefined) {
    await owner.send(
      new PutBucketOwnershipControlsCommand({
        Bucket: name,
        OwnershipControls: { Rules: [{ ObjectOwnership: ownership }] },
      }),
    );
  }
  await owner.send(
    new PutBucketPolicyCommand({
      Bucket: name,
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${B}:root` },
            Action: ['s3:PutObject', 's3:PutObjectAcl', 's3:GetObject', 's3:GetObjectAcl'],
            Resource: `arn:aws:s3:::${name}/*`,
          },
        ],
      }),
    }),
  );
}

async function ownerOf(bucket: string, key: string): Promise<string | undefined> {
  const listed = await owner.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: key, FetchOwner: true }));
  return listed.Contents?.[0]?.Owner?.ID;
}

const canonical = (account: string) => server.app.accounts.find(account)?.canonicalUserId;

beforeAll(async () => {
  server = await startTestServer();
  owner = new S3Client(server.client(A));
  writer = new S3Client(server.client(B));
  await bucketFor('enforced');
  await bucketFor('writer-owns', 'ObjectWriter');
  await bucketFor('owner-preferred', 'BucketOwnerPreferred');
});
afterAll(async () => server.close());

describe('BucketOwnerEnforced (the default)', () => {
  it('gives the bucket owner every object and refuses ACLs other than bucket-owner-full-control', async () => {
    await writer.send(new PutObjectCommand({ Bucket: 'enforced', Key: 'k', Body: 'from b' }));
    expect(await ownerOf('enforced', 'k')).toBe(canonical(A));
    const got = await owner.send(new GetObjectCommand({ Bucket: 'enforced', Key: 'k' }));
    expect(await got.Body?.transformToString()).toBe('from b');
    await writer.send(
      new PutObjectCommand({ Bucket: 'enforced', Key: 'k2', Body: 'x', ACL: 'bucket-owner-full-control' }),
    );
    await expect(
      writer.send(new PutObjectCommand({ Bucket: 'enforced', Key: 'k3', Body: 'x', ACL: 'public-read' })),
    ).rejects.toMatchObject({ name: 'AccessControlListNotSupported', message: 'The bucket does not allow ACLs' });
    const acl = await owner.send(new GetObjectAclCommand({ Bucket: 'enforced', Key: 'k' }));
    expect(acl.Owner?.ID).toBe(canonical(A));
    expect(acl.Grants).toEqual([{ Grantee: { Type: 'CanonicalUser', ID: canonical(A) }, Permission: 'FULL_CONTROL' }]);
  });
});

describe('ObjectWriter', () => {
  it("leaves the object with the writing account, out of the bucket owner's reach until its ACL grants it", async () => {
    await writer.send(new PutObjectCommand({ Bucket: 'writer-owns', Key: 'k', Body: 'mine' }));
    expect(await ownerOf('writer-owns', 'k')).toBe(canonical(B));
    const acl = await writer.send(new GetObjectAclCommand({ Bucket: 'writer-owns', Key: 'k' }));
    expect(acl.Owner?.ID).toBe(canonical(B));
    expect(acl.Grants).toEqual([{ Grantee: { Type: 'CanonicalUser', ID: canonical(B) }, Permission: 'FULL_CONTROL' }]);
    await expect(owner.send(new GetObjectCommand({ Bucket: 'writer-owns', Key: 'k' }))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
    await writer.send(new PutObjectAclCommand({ Bucket: 'writer-owns', Key: 'k', ACL: 'bucket-owner-read' }));
    const granted = await writer.send(new GetObjectAclCommand({ Bucket: 'writer-owns', Key: 'k' }));
    expect(granted.Grants).toContainEqual({ Grantee: { Type: 'CanonicalUser', ID: canonical(A) }, Permission: 'READ' });
    const got = await owner.send(new GetObjectCommand({ Bucket: 'writer-owns', Key: 'k' }));
    expect(await got.Body?.transformToString()).toBe('mine');
  });
});

describe('BucketOwnerPreferred', () => {
  it('gives the bucket owner objects written with bucket-owner-full-control, the writer the others', async () => {
    await writer.send(
      new PutObjectCommand({ Bucket: 'owner-preferred', Key: 'granted', Body: 'x', ACL: 'bucket-owner-full-control' }),
    );
    await writer.send(new PutObjectCommand({ Bucket: 'owner-preferred', Key: 'kept', Body: 'x' }));
    expect(await ownerOf('owner-preferred', 'granted')).toBe(canonical(A));
    expect(await ownerOf('owner-preferred', 'kept')).toBe(canonical(B));
  });
});
