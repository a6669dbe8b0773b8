// S3 authorization as AWS decides it, through the real S3 client: identity and bucket policies in one account and
// across accounts, S3's denial messages, the bucket-policy special rules, and bucket policy validation.
import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketPolicyCommand,
  DeletePublicAccessBlockCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketVersioningCommand,
  ListBucketsCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { s3Client, userWithPolicy } from './s3-authz-support.js';

let server: TestServer;
const A = '111111111111';
const B = '222222222222';
const C = '333333333333';

beforeAll(async () => {
  server = await startTestServer();
  await s3Client(server, A).send(new CreateBucketCommand({ Bucket: 'authz-bucket' }));
});
afterAll(async () => server.close());

function policy(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

describe('same account', () => {
  it('denies an IAM user without permissions with the detailed S3 message', async () => {
    const alice = await userWithPolicy(server, A, 'alice');
    await expect(
      s3Client(server, alice).send(new GetBucketVersioningCommand({ Bucket: 'authz-bucket' })),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
      message: `User: ${alice.arn} is not authorized to perform: s3:GetBucketVersioning on resource: "arn:aws:s3:::authz-bucket" because no identity-based policy allows the s3:GetBucketVersioning action`,
    });
    await expect(s3Client(server, alice).send(new ListBucketsCommand({}))).rejects.toMatchObject({
      message: `User: ${alice.arn} is not authorized to perform: s3:ListAllMyBuckets because no identity-based policy allows the s3:ListAllMyBuckets action`,
    });
  });

  it('grants s3:ListAllMyBuckets on arn:aws:s3:::* as on *, and not on one bucket', async () => {
    const grant = (resource: string) => ({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: resource }],
    });
    for (const [name, resource] of [
      ['lister-any', '*'],
      ['lister-s3', 'arn:aws:s3:::*'],
    ]) {
      const lister = await userWithPolicy(server, A, name!, grant(resource!));
      const listed = await s3Client(server, lister).send(new ListBucketsCommand({}));
      expect(listed.Buckets?.map((b) => b.Name)).toContain('authz-bucket');
    }
    const narrow = await userWithPolicy(server, A, 'lister-one', grant('arn:aws:s3:::authz-bucket'));
    await expect(s3Client(server, narrow).send(new ListBucketsCommand({}))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
  });

  it('allows by identity policy, or by a bucket policy naming the user alone', async () => {
    const reader = await userWithPolicy(server, A, 'reader', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetBucketVersioning', Resource: 'arn:aws:s3:::authz-bucket' }],
    });
    await expect(
      s3Client(server, reader).send(new GetBucketVersioningCommand({ Bucket: 'authz-bucket' })),
    ).resolves.toBeDefined();
    const granted = await userWithPolicy(server, A, 'granted');
    await s3Client(server, A).send(
      new PutBucketPolicyCommand({
        Bucket: 'authz-bucket',
        Policy: policy({
          Effect: 'Allow',
          Principal: { AWS: granted.arn },
          Action: 's3:GetBucketVersioning',
          Resource: 'arn:aws:s3:::authz-bucket',
        }),
      }),
    );
    await expect(
      s3Client(server, granted).send(new GetBucketVersioningCommand({ Bucket: 'authz-bucket' })),
    ).resolves.toBeDefined();
    await s3Client(server, A).send(new DeleteBucketPolicyCommand({ Bucket: 'authz-bucket' }));
    await expect(
      s3Client(server, granted).send(new GetBucketVersioningCommand({ Bucket: 'authz-bucket' })),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('names an explicit deny in the bucket policy, and still lets the owner root manage the policy', async () => {
    const s3 = s3Client(server, A);
    await s3.send(new CreateBucketCommand({ Bucket: 'locked-bucket' }));
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'locked-bucket',
        Policy: policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::locked-bucket'] }),
      }),
    );
    await expect(s3.send(new GetBucketVersioningCommand({ Bucket: 'locked-bucket' }))).rejects.toMatchObject({
      message: `User: arn:aws:iam::${A}:root is not authorized to perform: s3:GetBucketVersioning on resource: "arn:aws:s3:::locked-bucket" with an explicit deny in a resource-based policy`,
    });
    const got = await s3.send(new GetBucketPolicyCommand({ Bucket: 'locked-bucket' }));
    expect(JSON.parse(got.Policy!).Statement[0].Effect).toBe('Deny');
    await s3.send(new DeleteBucketPolicyCommand({ Bucket: 'locked-bucket' }));
    await expect(s3.send(new GetBucketVersioningCommand({ Bucket: 'locked-bucket' }))).resolves.toBeDefined();
  });
  it('asks CreateBucket for s3:PutBucketOwnershipControls too when the ownership header is sent', async () => {
    const creator = await userWithPolicy(server, A, 'creator', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:CreateBucket', Resource: 'arn:aws:s3:::creator-*' }],
    });
    await s3Client(server, creator).send(new CreateBucketCommand({ Bucket: 'creator-plain' }));
    await expect(
      s3Client(server, creator).send(
        new CreateBucketCommand({ Bucket: 'creator-owned', ObjectOwnership: 'BucketOwnerPreferred' }),
      ),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${creator.arn} is not authorized to perform: s3:PutBucketOwnershipControls on resource: "arn:aws:s3:::creator-owned" because no identity-based policy allows the s3:PutBucketOwnershipControls action`,
    });
  });
});

describe('cross account', () => {
  it('needs the bucket policy and, for users, their own identity policy; outsiders read "Access Denied"', async () => {
    const s3 = s3Client(server, A);
    await s3.send(new CreateBucketCommand({ Bucket: 'shared-bucket' }));
    await expect(
      s3Client(server, B).send(new GetBucketVersioningCommand({ Bucket: 'shared-bucket' })),
    ).rejects.toMatchObject({ name: 'AccessDenied', message: 'Access Denied' });
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'shared-bucket',
        Policy: policy({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${B}:root` },
          Action: ['s3:GetBucketVersioning', 's3:PutBucketVersioning', 's3:GetBucketPolicy'],
          Resource: 'arn:aws:s3:::shared-bucket',
        }),
      }),
    );
    await expect(
      s3Client(server, B).send(new GetBucketVersioningCommand({ Bucket: 'shared-bucket' })),
    ).resolves.toBeDefined();
    const bob = await userWithPolicy(server, B, 'bob');
    await expect(
      s3Client(server, bob).send(new GetBucketVersioningCommand({ Bucket: 'shared-bucket' })),
    ).rejects.toMatchObject({ message: 'Access Denied' });
    const carol = await userWithPolicy(server, B, 'carol', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:*Versioning', Resource: '*' }],
    });
    await s3Client(server, carol).send(
      new PutBucketVersioningCommand({ Bucket: 'shared-bucket', VersioningConfiguration: { Status: 'Enabled' } }),
    );
    const versioning = await s3.send(new GetBucketVersioningCommand({ Bucket: 'shared-bucket' }));
    expect(versioning.Status).toBe('Enabled');
  });

  it('answers 405 to other accounts for bucket policy operations even when the policy allows them', async () => {
    await expect(
      s3Client(server, B).send(new GetBucketPolicyCommand({ Bucket: 'shared-bucket' })),
    ).rejects.toMatchObject({ name: 'MethodNotAllowed', $metadata: { httpStatusCode: 405 } });
    await expect(
      s3Client(server, B).send(new DeleteBucketPolicyCommand({ Bucket: 'shared-bucket' })),
    ).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
  });
});

describe('multipart uploads across accounts', () => {
  it('let the initiator, and its account, list the parts of its upload and abort it by default', async () => {
    const s3 = s3Client(server, A);
    await s3.send(new CreateBucketCommand({ Bucket: 'upload-bucket' }));
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'upload-bucket',
        Policy: policy({
          Effect: 'Allow',
          Principal: { AWS: B },
          Action: 's3:PutObject',
          Resource: 'arn:aws:s3:::upload-bucket/*',
        }),
      }),
    );
    const everything = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };
    const uploader = s3Client(server, await userWithPolicy(server, B, 'uploader', everything));
    const colleague = s3Client(server, await userWithPolicy(server, B, 'colleague', everything));
    const outsider = s3Client(server, await userWithPolicy(server, C, 'outsider', everything));
    const { UploadId } = await uploader.send(new CreateMultipartUploadCommand({ Bucket: 'upload-bucket', Key: 'big' }));
    const upload = { Bucket: 'upload-bucket', Key: 'big', UploadId };
    await uploader.send(new UploadPartCommand({ ...upload, PartNumber: 1, Body: 'part' }));
    expect((await uploader.send(new ListPartsCommand(upload))).Parts?.map((p) => p.PartNumber)).toEqual([1]);
    // "If the multipart upload initiator is an IAM user, the AWS account controlling that IAM user also has
    // permission" (S3 UG, multipart upload API and permissions).
    expect((await colleague.send(new ListPartsCommand(upload))).Parts).toHaveLength(1);
    await expect(outsider.send(new ListPartsCommand(upload))).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(outsider.send(new AbortMultipartUploadCommand(upload))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
    await uploader.send(new AbortMultipartUploadCommand(upload));
    const left = await s3.send(new ListMultipartUploadsCommand({ Bucket: 'upload-bucket' }));
    expect(left.Uploads ?? []).toEqual([]);
  });
});

describe('Block Public Access and public policies', () => {
  const publicRead = policy({
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetBucketVersioning',
    Resource: 'arn:aws:s3:::public-bucket',
  });

  it('refuses a public policy under BlockPublicPolicy, then accepts it and reports it public', async () => {
    const s3 = s3Client(server, A);
    await s3.send(new CreateBucketCommand({ Bucket: 'public-bucket' }));
    await expect(
      s3.send(new PutBucketPolicyCommand({ Bucket: 'public-bucket', Policy: publicRead })),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: arn:aws:iam::${A}:root is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::public-bucket" because public policies are blocked by the BlockPublicPolicy block public access setting.`,
    });
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: 'public-bucket' }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'public-bucket', Policy: publicRead }));
    const status = await s3.send(new GetBucketPolicyStatusCommand({ Bucket: 'public-bucket' }));
    expect(status.PolicyStatus?.IsPublic).toBe(true);
    await expect(
      s3Client(server, B).send(new GetBucketVersioningCommand({ Bucket: 'public-bucket' })),
    ).resolves.toBeDefined();
  });
});

describe('PutBucketPolicy validation', () => {
  const cases: [string, object, string][] = [
    [
      'a resource outside the bucket',
      { Effect: 'Allow', Principal: { AWS: A }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::other-bucket/*' },
      'Policy has invalid resource',
    ],
    [
      'Resource "*"',
      { Effect: 'Allow', Principal: { AWS: A }, Action: 's3:GetObject', Resource: '*' },
      'Policy has invalid resource',
    ],
    [
      'a user that does not exist',
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${A}:user/nobody` },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::authz-bucket/*',
      },
      'Invalid principal in policy',
    ],
    [
      'an unknown S3 condition key',
      {
        Effect: 'Allow',
        Principal: { AWS: A },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::authz-bucket/*',
        Condition: { StringEquals: { 's3:x-acl': 'private' } },
      },
      'Policy has an invalid condition key',
    ],
    [
      'an object action on the bucket ARN',
      { Effect: 'Allow', Principal: { AWS: A }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::authz-bucket' },
      'Action does not apply to any resource(s) in statement',
    ],
    [
      'a bucket action on the objects of the bucket',
      { Effect: 'Allow', Principal: { AWS: A }, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::authz-bucket/*' },
      'Action does not apply to any resource(s) in statement',
    ],
    [
      'an action that does not exist',
      { Effect: 'Allow', Principal: { AWS: A }, Action: 's3:GetObjekt', Resource: 'arn:aws:s3:::authz-bucket/*' },
      'Policy has invalid action',
    ],
  ];

  for (const [what, statement, message] of cases) {
    it(`refuses ${what} with MalformedPolicy`, async () => {
      await expect(
        s3Client(server, A).send(new PutBucketPolicyCommand({ Bucket: 'authz-bucket', Policy: policy(statement) })),
      ).rejects.toMatchObject({ name: 'MalformedPolicy', message, $metadata: { httpStatusCode: 400 } });
    });
  }

  it('accepts conditions on object tags', async () => {
    const accepted = policy({
      Effect: 'Allow',
      Principal: { AWS: A },
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: 'arn:aws:s3:::authz-bucket/*',
      Condition: { StringEquals: { 's3:ExistingObjectTag/team': 'data', 's3:RequestObjectTag/team': 'data' } },
    });
    await s3Client(server, A).send(new PutBucketPolicyCommand({ Bucket: 'authz-bucket', Policy: accepted }));
    const stored = await s3Client(server, A).send(new GetBucketPolicyCommand({ Bucket: 'authz-bucket' }));
    expect(JSON.parse(stored.Policy ?? '{}').Statement[0].Condition.StringEquals).toEqual({
      's3:ExistingObjectTag/team': 'data',
      's3:RequestObjectTag/team': 'data',
    });
    await s3Client(server, A).send(new DeleteBucketPolicyCommand({ Bucket: 'authz-bucket' }));
  });

  it('refuses a policy over 20 KB, and answers NoSuchBucketPolicy when there is none', async () => {
    const big = policy({
      Sid: 'x'.repeat(21000),
      Effect: 'Allow',
      Principal: { AWS: A },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::authz-bucket/*',
    });
    await expect(
      s3Client(server, A).send(new PutBucketPolicyCommand({ Bucket: 'authz-bucket', Policy: big })),
    ).rejects.toMatchObject({ name: 'MalformedPolicy', message: 'Policy exceeds the maximum allowed document size.' });
    await expect(
      s3Client(server, A).send(new GetBucketPolicyCommand({ Bucket: 'authz-bucket' })),
    ).rejects.toMatchObject({
      name: 'NoSuchBucketPolicy',
      message: 'The bucket policy does not exist',
      $metadata: { httpStatusCode: 404 },
    });
  });
});
