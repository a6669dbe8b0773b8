// Bucket lifecycle through the real S3 client: create (names, regions, ownership, ACLs), list, head, location,
// delete, and the answers S3 gives for names that are taken.
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetBucketAclCommand,
  GetBucketLocationCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let server: TestServer;
const A = '111111111111';
const B = '222222222222';

function s3(account: string, region = 'us-east-1'): S3Client {
  return new S3Client({ ...server.client(account), region });
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

describe('CreateBucket', () => {
  it('creates a bucket with the post-2023 defaults and lists it for its owner only', async () => {
    await s3(A).send(new CreateBucketCommand({ Bucket: 'alpha-bucket' }));
    const listed = await s3(A).send(new ListBucketsCommand({}));
    expect(listed.Buckets?.map((b) => b.Name)).toContain('alpha-bucket');
    expect(listed.Buckets?.find((b) => b.Name === 'alpha-bucket')?.BucketRegion).toBe('us-east-1');
    expect(listed.Owner?.ID).toBe(server.app.accounts.find(A)?.canonicalUserId);
    const other = await s3(B).send(new ListBucketsCommand({}));
    expect(other.Buckets?.map((b) => b.Name) ?? []).not.toContain('alpha-bucket');
    const ownership = await s3(A).send(new GetBucketOwnershipControlsCommand({ Bucket: 'alpha-bucket' }));
    expect(ownership.OwnershipControls?.Rules?.[0]?.ObjectOwnership).toBe('BucketOwnerEnforced');
    const block = await s3(A).send(new GetPublicAccessBlockCommand({ Bucket: 'alpha-bucket' }));
    expect(block.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
  });

  it('refuses invalid names with InvalidBucketName', async () => {
    for (const name of ['ab', 'Upper-Case', 'bad..dots', '192.168.5.4', 'xn--punycode', 'ends-with-']) {
      await expect(s3(A).send(new CreateBucketCommand({ Bucket: name }))).rejects.toMatchObject({
        name: 'InvalidBucketName',
        $metadata: { httpStatusCode: 400 },
      });
    }
  });

  it('answers BucketAlreadyExists to another account and 200 to the owner in us-east-1', async () => {
    await s3(A).send(new CreateBucketCommand({ Bucket: 'taken-bucket' }));
    await expect(s3(B).send(new CreateBucketCommand({ Bucket: 'taken-bucket' }))).rejects.toMatchObject({
      name: 'BucketAlreadyExists',
      $metadata: { httpStatusCode: 409 },
    });
    await expect(s3(A).send(new CreateBucketCommand({ Bucket: 'taken-bucket' }))).resolves.toBeDefined();
  });

  it('creates in the signing region; the LocationConstraint must name it', async () => {
    const seoul = s3(A, 'ap-northeast-2');
    await seoul.send(
      new CreateBucketCommand({
        Bucket: 'seoul-bucket',
        CreateBucketConfiguration: { LocationConstraint: 'ap-northeast-2' },
      }),
    );
    const location = await seoul.send(new GetBucketLocationCommand({ Bucket: 'seoul-bucket' }));
    expect(location.LocationConstraint).toBe('ap-northeast-2');
    await expect(
      seoul.send(
        new CreateBucketCommand({
          Bucket: 'seoul-bucket',
          CreateBucketConfiguration: { LocationConstraint: 'ap-northeast-2' },
        }),
      ),
    ).rejects.toMatchObject({ name: 'BucketAlreadyOwnedByYou', $metadata: { httpStatusCode: 409 } });
    await expect(
      s3(A).send(
        new CreateBucketCommand({
          Bucket: 'other-bucket',
          CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'IllegalLocationConstraintException',
      message:
        'The eu-west-1 location constraint is incompatible for the region specific endpoint this request was sent to.',
    });
  });

  it('keeps the legacy EU constraint: the bucket lives in eu-west-1 and GetBucketLocation answers EU', async () => {
    const ireland = s3(A, 'eu-west-1');
    await ireland.send(
      new CreateBucketCommand({ Bucket: 'eu-legacy', CreateBucketConfiguration: { LocationConstraint: 'EU' } }),
    );
    expect((await ireland.send(new GetBucketLocationCommand({ Bucket: 'eu-legacy' }))).LocationConstraint).toBe('EU');
    const head = await ireland.send(new HeadBucketCommand({ Bucket: 'eu-legacy' }));
    expect(head.BucketRegion).toBe('eu-west-1');
  });

  it('answers AuthorizationHeaderMalformed with the bucket region for a request signed for another region', async () => {
    const error = await s3(A, 'us-west-2')
      .send(new GetBucketVersioningCommand({ Bucket: 'seoul-bucket' }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'AuthorizationHeaderMalformed',
      message: "The authorization header is malformed; the region 'us-west-2' is wrong; expecting 'ap-northeast-2'",
      Region: 'ap-northeast-2',
    });
  });

  it('checks the region of presigned URLs too', async () => {
    const url = await getSignedUrl(s3(A, 'us-west-2'), new GetBucketVersioningCommand({ Bucket: 'seoul-bucket' }));
    const response = await fetch(url);
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amz-bucket-region')).toBe('ap-northeast-2');
    const body = await response.text();
    expect(body).toContain('<Code>AuthorizationQueryParametersError</Code>');
    expect(body).toContain('<Region>ap-northeast-2</Region>');
  });

  it('gives null for us-east-1 locations, and answers GetBucketLocation from any region', async () => {
    const location = await s3(A).send(new GetBucketLocationCommand({ Bucket: 'alpha-bucket' }));
    expect(location.LocationConstraint).toBeUndefined();
    const found = await s3(A, 'us-west-2').send(new GetBucketLocationCommand({ Bucket: 'seoul-bucket' }));
    expect(found.LocationConstraint).toBe('ap-northeast-2');
  });

  it('refuses ACLs while ownership is BucketOwnerEnforced, and public ACLs under the default Block Public Access', async () => {
    await expect(
      s3(A).send(new CreateBucketCommand({ Bucket: 'acl-bucket', ACL: 'public-read' })),
    ).rejects.toMatchObject({ name: 'InvalidBucketAclWithObjectOwnership' });
    await expect(
      s3(A).send(
        new CreateBucketCommand({ Bucket: 'acl-bucket', ACL: 'public-read', ObjectOwnership: 'ObjectWriter' }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidBucketAclWithBlockPublicAccessError' });
    const canonical = server.app.accounts.ensure(B, Date.now()).canonicalUserId;
    await s3(A).send(
      new CreateBucketCommand({ Bucket: 'acl-bucket', ObjectOwnership: 'ObjectWriter', GrantRead: `id=${canonical}` }),
    );
    const acl = await s3(A).send(new GetBucketAclCommand({ Bucket: 'acl-bucket' }));
    expect(acl.Grants).toEqual([{ Grantee: { Type: 'CanonicalUser', ID: canonical }, Permission: 'READ' }]);
  });
});

describe('HeadBucket and DeleteBucket', () => {
  it('heads a bucket with its region; 404 for none, 403 with the region for another account', async () => {
    const head = await s3(A).send(new HeadBucketCommand({ Bucket: 'alpha-bucket' }));
    expect(head.BucketRegion).toBe('us-east-1');
    await expect(s3(A).send(new HeadBucketCommand({ Bucket: 'no-such-bucket-here' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
    await expect(s3(B).send(new HeadBucketCommand({ Bucket: 'alpha-bucket' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('deletes only an empty bucket; another account is denied; a missing bucket is NoSuchBucket', async () => {
    await s3(A).send(new CreateBucketCommand({ Bucket: 'doomed-bucket' }));
    await expect(s3(B).send(new DeleteBucketCommand({ Bucket: 'doomed-bucket' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: 'Access Denied',
    });
    await s3(A).send(new PutObjectCommand({ Bucket: 'doomed-bucket', Key: 'k', Body: 'x' }));
    await expect(s3(A).send(new DeleteBucketCommand({ Bucket: 'doomed-bucket' }))).rejects.toMatchObject({
      name: 'BucketNotEmpty',
      message: 'The bucket you tried to delete is not empty.',
      $metadata: { httpStatusCode: 409 },
    });
    await s3(A).send(new DeleteObjectCommand({ Bucket: 'doomed-bucket', Key: 'k' }));
    await s3(A).send(new DeleteBucketCommand({ Bucket: 'doomed-bucket' }));
    await expect(s3(A).send(new DeleteBucketCommand({ Bucket: 'doomed-bucket' }))).rejects.toMatchObject({
      name: 'NoSuchBucket',
      BucketName: 'doomed-bucket',
    });
  });
});
