// Bucket configuration through the real S3 client: versioning, default encryption, tags, logging, CORS, ownership
// controls, Block Public Access and ACL documents, each with the answers S3 gives when nothing is set.
import { createHash } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteBucketCorsCommand,
  DeleteBucketEncryptionCommand,
  DeleteBucketOwnershipControlsCommand,
  DeleteBucketTaggingCommand,
  DeletePublicAccessBlockCommand,
  GetBucketCorsCommand,
  GetBucketEncryptionCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  PutBucketAclCommand,
  PutBucketCorsCommand,
  PutBucketEncryptionCommand,
  PutBucketLoggingCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { s3Client, signedRequest } from './s3-authz-support.js';

let server: TestServer;
let s3: S3Client;
const Bucket = 'config-bucket';

beforeAll(async () => {
  server = await startTestServer();
  s3 = s3Client(server, '111111111111');
  await s3.send(new CreateBucketCommand({ Bucket }));
});
afterAll(async () => server.close());

describe('bucket configuration', () => {
  it('versioning: none, then Enabled, then Suspended', async () => {
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket }))).Status).toBeUndefined();
    await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket }))).Status).toBe('Enabled');
    await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Suspended' } }));
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket }))).Status).toBe('Suspended');
    await expect(
      s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: {} })),
    ).rejects.toMatchObject({
      name: 'IllegalVersioningConfigurationException',
      message: 'The Versioning element must be specified',
      $metadata: { httpStatusCode: 400 },
    });
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket }))).Status).toBe('Suspended');
  });

  it('refuses an object ownership or a canned ACL S3 does not know, with InvalidArgument naming the header', async () => {
    await expect(
      s3.send(new CreateBucketCommand({ Bucket: 'odd-ownership', ObjectOwnership: 'Bogus' as never })),
    ).rejects.toMatchObject({
      name: 'InvalidArgument',
      message: 'Invalid x-amz-object-ownership header: Bogus',
      $metadata: { httpStatusCode: 400 },
    });
    await s3.send(new CreateBucketCommand({ Bucket: 'acl-check', ObjectOwnership: 'ObjectWriter' }));
    await expect(
      s3.send(new PutBucketAclCommand({ Bucket: 'acl-check', ACL: 'bogus' as never })),
    ).rejects.toMatchObject({
      name: 'InvalidArgument',
      $metadata: { httpStatusCode: 400 },
    });
    await s3.send(new PutBucketAclCommand({ Bucket: 'acl-check', ACL: 'private' }));
  });

  it('encryption: SSE-S3 by default, SSE-KMS stored as given, refused KMS key with AES256', async () => {
    const initial = await s3.send(new GetBucketEncryptionCommand({ Bucket }));
    expect(initial.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault).toEqual({
      SSEAlgorithm: 'AES256',
    });
    const key = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket,
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: key },
              BucketKeyEnabled: true,
            },
          ],
        },
      }),
    );
    const rule = (await s3.send(new GetBucketEncryptionCommand({ Bucket }))).ServerSideEncryptionConfiguration
      ?.Rules?.[0];
    expect(rule).toEqual({
      ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: key },
      BucketKeyEnabled: true,
    });
    await expect(
      s3.send(
        new PutBucketEncryptionCommand({
          Bucket,
          ServerSideEncryptionConfiguration: {
            Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256', KMSMasterKeyID: key } }],
          },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidArgument' });
    await s3.send(new DeleteBucketEncryptionCommand({ Bucket }));
    const after = await s3.send(new GetBucketEncryptionCommand({ Bucket }));
    expect(after.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm).toBe(
      'AES256',
    );
  });

  it('tagging: NoSuchTagSet, then the tags, refused duplicates and aws: keys', async () => {
    await expect(s3.send(new GetBucketTaggingCommand({ Bucket }))).rejects.toMatchObject({
      name: 'NoSuchTagSet',
      message: 'The TagSet does not exist',
      $metadata: { httpStatusCode: 404 },
    });
    const TagSet = [
      { Key: 'team', Value: 'blue' },
      { Key: 'env', Value: '' },
    ];
    await s3.send(new PutBucketTaggingCommand({ Bucket, Tagging: { TagSet } }));
    expect((await s3.send(new GetBucketTaggingCommand({ Bucket }))).TagSet).toEqual(TagSet);
    await expect(
      s3.send(new PutBucketTaggingCommand({ Bucket, Tagging: { TagSet: [TagSet[0]!, TagSet[0]!] } })),
    ).rejects.toMatchObject({ name: 'InvalidTag' });
    await expect(
      s3.send(new PutBucketTaggingCommand({ Bucket, Tagging: { TagSet: [{ Key: 'aws:x', Value: 'y' }] } })),
    ).rejects.toMatchObject({ name: 'InvalidTag' });
    // Letters, digits, spaces and _.:/=+-@ only, as for object tags.
    await expect(
      s3.send(new PutBucketTaggingCommand({ Bucket, Tagging: { TagSet: [{ Key: 'Name', Value: 'api (csv)' }] } })),
    ).rejects.toMatchObject({ name: 'InvalidTag', message: 'The TagValue you have provided is invalid' });
    await expect(
      s3.send(new PutBucketTaggingCommand({ Bucket, Tagging: { TagSet: [{ Key: 'a#b', Value: 'x' }] } })),
    ).rejects.toMatchObject({ name: 'InvalidTag', message: 'The TagKey you have provided is invalid' });
    expect((await s3.send(new GetBucketTaggingCommand({ Bucket }))).TagSet).toEqual(TagSet);
    await s3.send(new DeleteBucketTaggingCommand({ Bucket }));
    await expect(s3.send(new GetBucketTaggingCommand({ Bucket }))).rejects.toMatchObject({ name: 'NoSuchTagSet' });
  });

  it('logging: stored for a target of the same account, refused for a missing target', async () => {
    expect((await s3.send(new GetBucketLoggingCommand({ Bucket }))).LoggingEnabled).toBeUndefined();
    await s3.send(new CreateBucketCommand({ Bucket: 'config-logs' }));
    await s3.send(
      new PutBucketLoggingCommand({
        Bucket,
        BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'config-logs', TargetPrefix: 'logs/' } },
      }),
    );
    expect((await s3.send(new GetBucketLoggingCommand({ Bucket }))).LoggingEnabled).toMatchObject({
      TargetBucket: 'config-logs',
      TargetPrefix: 'logs/',
    });
    await expect(
      s3.send(
        new PutBucketLoggingCommand({
          Bucket,
          BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'missing-logs', TargetPrefix: '' } },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidTargetBucketForLogging' });
    // Target grants are ACLs, which config-logs (BucketOwnerEnforced, the default) does not allow.
    const grant = { Grantee: { Type: 'Group' as const, URI: 'http://acs.amazonaws.com/groups/global/AllUsers' } };
    await expect(
      s3.send(
        new PutBucketLoggingCommand({
          Bucket,
          BucketLoggingStatus: {
            LoggingEnabled: {
              TargetBucket: 'config-logs',
              TargetPrefix: 'logs/',
              TargetGrants: [{ ...grant, Permission: 'READ' }],
            },
          },
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessControlListNotSupported', $metadata: { httpStatusCode: 400 } });
  });

  it('CORS: NoSuchCORSConfiguration, then the rules; unsupported methods are refused', async () => {
    await expect(s3.send(new GetBucketCorsCommand({ Bucket }))).rejects.toMatchObject({
      name: 'NoSuchCORSConfiguration',
      $metadata: { httpStatusCode: 404 },
    });
    const rule = { AllowedOrigins: ['https://example.com'], AllowedMethods: ['GET', 'PUT'], MaxAgeSeconds: 300 };
    await s3.send(new PutBucketCorsCommand({ Bucket, CORSConfiguration: { CORSRules: [rule] } }));
    expect((await s3.send(new GetBucketCorsCommand({ Bucket }))).CORSRules).toEqual([rule]);
    await expect(
      s3.send(
        new PutBucketCorsCommand({
          Bucket,
          CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['PATCH'] }] },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidRequest',
      message: 'Found unsupported HTTP method in CORS config. Unsupported method is PATCH',
    });
    await s3.send(new DeleteBucketCorsCommand({ Bucket }));
    await expect(s3.send(new GetBucketCorsCommand({ Bucket }))).rejects.toMatchObject({
      name: 'NoSuchCORSConfiguration',
    });
  });

  it('ownership controls and Block Public Access: deleted ones answer their not-found errors', async () => {
    await s3.send(new DeleteBucketOwnershipControlsCommand({ Bucket }));
    await expect(s3.send(new GetBucketOwnershipControlsCommand({ Bucket }))).rejects.toMatchObject({
      name: 'OwnershipControlsNotFoundError',
      message: 'The bucket ownership controls were not found',
    });
    await s3.send(
      new PutBucketOwnershipControlsCommand({
        Bucket,
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
      }),
    );
    const ownership = await s3.send(new GetBucketOwnershipControlsCommand({ Bucket }));
    expect(ownership.OwnershipControls?.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerPreferred' }]);
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket }));
    await expect(s3.send(new GetPublicAccessBlockCommand({ Bucket }))).rejects.toMatchObject({
      name: 'NoSuchPublicAccessBlockConfiguration',
      message: 'The public access block configuration was not found',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('ACL documents: email grantees are retired (405); a canned ACL with header grants is refused', async () => {
    const owner = server.app.accounts.find('111111111111')!.canonicalUserId;
    await expect(
      s3.send(
        new PutBucketAclCommand({
          Bucket,
          AccessControlPolicy: {
            Owner: { ID: owner },
            Grants: [{ Grantee: { Type: 'AmazonCustomerByEmail', EmailAddress: 'a@example.com' }, Permission: 'READ' }],
          },
        }),
      ),
    ).rejects.toMatchObject({ name: 'MethodNotAllowed', $metadata: { httpStatusCode: 405 } });
    await expect(
      s3.send(new PutBucketAclCommand({ Bucket, ACL: 'private', GrantRead: `id=${owner}` })),
    ).rejects.toMatchObject({
      name: 'InvalidRequest',
      message: 'Specifying both Canned ACLs and Header Grants is not allowed',
    });
    await s3.send(
      new PutBucketAclCommand({
        Bucket,
        AccessControlPolicy: {
          Owner: { ID: owner },
          Grants: [{ Grantee: { Type: 'CanonicalUser', ID: owner }, Permission: 'FULL_CONTROL' }],
        },
      }),
    );
  });

  it('configuration puts need Content-MD5 or a checksum, and the body must match every digest it claims', async () => {
    const body = '<Tagging><TagSet><Tag><Key>a</Key><Value>b</Value></Tag></TagSet></Tagging>';
    const bare = await signedRequest(server, '111111111111', 'PUT', `/${Bucket}?tagging`, { body });
    expect(bare.status).toBe(400);
    expect(bare.text).toContain('<Code>InvalidRequest</Code>');
    const wrong = await signedRequest(server, '111111111111', 'PUT', `/${Bucket}?tagging`, {
      body,
      headers: { 'content-md5': createHash('md5').update('other').digest('base64') },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('<Code>BadDigest</Code>');
    const right = await signedRequest(server, '111111111111', 'PUT', `/${Bucket}?tagging`, {
      body,
      headers: { 'content-md5': createHash('md5').update(body).digest('base64') },
    });
    expect(right.status).toBe(200);
    const tampered = await signedRequest(server, '111111111111', 'PUT', `/${Bucket}?tagging`, {
      body,
      headers: { 'x-amz-content-sha256': createHash('sha256').update('other').digest('hex') },
    });
    expect(tampered.status).toBe(400);
    expect(tampered.text).toContain('<Code>XAmzContentSHA256Mismatch</Code>');
  });
});
