// Public access through the real S3 client and unsigned requests: ACL grants (and Object Ownership deciding whether
// they count), IgnorePublicAcls, RestrictPublicBuckets, account-level Block Public Access through S3 Control, and
// the S3 condition keys a bucket policy can test.
import {
  CreateBucketCommand,
  DeletePublicAccessBlockCommand,
  GetBucketAclCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutBucketAclCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { anonymous, s3Client, s3ControlPublicAccessBlock } from './s3-authz-support.js';

let server: TestServer;
const A = '111111111111';
const B = '222222222222';
const C = '333333333333';
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const NO_BLOCK = {
  BlockPublicAcls: false,
  IgnorePublicAcls: false,
  BlockPublicPolicy: false,
  RestrictPublicBuckets: false,
};

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

function canonical(account: string): string {
  return server.app.accounts.ensure(account, Date.now()).canonicalUserId;
}

describe('ACL grants', () => {
  it('count only while ACLs are enabled, and only for the accounts they name', async () => {
    const s3 = s3Client(server, A);
    await s3.send(new CreateBucketCommand({ Bucket: 'acl-grants', ObjectOwnership: 'ObjectWriter' }));
    await s3.send(new PutBucketAclCommand({ Bucket: 'acl-grants', GrantReadACP: `id=${canonical(B)}` }));
    const seen = await s3Client(server, B).send(new GetBucketAclCommand({ Bucket: 'acl-grants' }));
    expect(seen.Grants).toEqual([{ Grantee: { Type: 'CanonicalUser', ID: canonical(B) }, Permission: 'READ_ACP' }]);
    await expect(s3Client(server, C).send(new GetBucketAclCommand({ Bucket: 'acl-grants' }))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
    await expect(
      s3.send(
        new PutBucketOwnershipControlsCommand({
          Bucket: 'acl-grants',
          OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidBucketAclWithObjectOwnership' });
    await s3.send(new PutBucketAclCommand({ Bucket: 'acl-grants', ACL: 'private' }));
    await s3.send(
      new PutBucketOwnershipControlsCommand({
        Bucket: 'acl-grants',
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      }),
    );
    await expect(
      s3.send(new PutBucketAclCommand({ Bucket: 'acl-grants', GrantReadACP: `id=${canonical(B)}` })),
    ).rejects.toMatchObject({ name: 'AccessControlListNotSupported', message: 'The bucket does not allow ACLs' });
  });

  it('lets anyone in through an AllUsers grant unless IgnorePublicAcls; BlockPublicAcls refuses new public ACLs', async () => {
    const s3 = s3Client(server, A);
    await s3.send(new CreateBucketCommand({ Bucket: 'acl-public', ObjectOwnership: 'ObjectWriter' }));
    await expect(s3.send(new PutBucketAclCommand({ Bucket: 'acl-public', ACL: 'public-read' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: arn:aws:iam::${A}:root is not authorized to perform: s3:PutBucketAcl on resource: "arn:aws:s3:::acl-public" because public access control lists (ACLs) are blocked by the BlockPublicAcls block public access setting.`,
    });
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: 'acl-public' }));
    await s3.send(new PutBucketAclCommand({ Bucket: 'acl-public', GrantReadACP: `uri=${ALL_USERS}` }));
    expect((await anonymous(server, 'GET', '/acl-public?acl')).status).toBe(200);
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: 'acl-public',
        PublicAccessBlockConfiguration: { ...NO_BLOCK, IgnorePublicAcls: true },
      }),
    );
    const denied = await anonymous(server, 'GET', '/acl-public?acl');
    expect(denied.status).toBe(403);
    expect(await denied.text()).toContain('<Code>AccessDenied</Code><Message>Access Denied</Message>');
    const effective = await s3.send(new GetBucketAclCommand({ Bucket: 'acl-public' }));
    expect(effective.Grants?.some((g) => g.Grantee?.URI === ALL_USERS)).toBe(false);
  });
});

describe('public bucket policies', () => {
  it('let anonymous callers in until RestrictPublicBuckets limits them to the owner account', async () => {
    const s3 = s3Client(server, A);
    await s3.send(new CreateBucketCommand({ Bucket: 'policy-public' }));
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: 'policy-public' }));
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'policy-public',
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: '*', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::policy-public' },
            {
              Effect: 'Allow',
              Principal: { AWS: B },
              Action: 's3:GetBucketVersioning',
              Resource: 'arn:aws:s3:::policy-public',
            },
          ],
        }),
      }),
    );
    expect((await anonymous(server, 'HEAD', '/policy-public')).status).toBe(200);
    await s3Client(server, B).send(new GetBucketVersioningCommand({ Bucket: 'policy-public' }));
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: 'policy-public',
        PublicAccessBlockConfiguration: { ...NO_BLOCK, RestrictPublicBuckets: true },
      }),
    );
    const head = await anonymous(server, 'HEAD', '/policy-public');
    expect(head.status).toBe(403);
    expect(head.headers.get('x-amz-bucket-region')).toBe('us-east-1');
    // Even the non-public statement naming B stops counting while the policy is public.
    await expect(
      s3Client(server, B).send(new GetBucketVersioningCommand({ Bucket: 'policy-public' })),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('let no ACL grant in either once RestrictPublicBuckets applies to a public policy', async () => {
    const s3 = s3Client(server, A);
    await s3.send(new CreateBucketCommand({ Bucket: 'policy-acl', ObjectOwnership: 'ObjectWriter' }));
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: 'policy-acl' }));
    await s3.send(new PutBucketAclCommand({ Bucket: 'policy-acl', GrantRead: `id=${canonical(B)}` }));
    await s3.send(new PutObjectCommand({ Bucket: 'policy-acl', Key: 'open', Body: 'x', ACL: 'public-read' }));
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'policy-acl',
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::policy-acl/public/*' },
          ],
        }),
      }),
    );
    await s3Client(server, B).send(new ListObjectsV2Command({ Bucket: 'policy-acl' }));
    expect((await anonymous(server, 'GET', '/policy-acl/open')).status).toBe(200);
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: 'policy-acl',
        PublicAccessBlockConfiguration: { ...NO_BLOCK, RestrictPublicBuckets: true },
      }),
    );
    await expect(s3Client(server, B).send(new ListObjectsV2Command({ Bucket: 'policy-acl' }))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
    expect((await anonymous(server, 'GET', '/policy-acl/open')).status).toBe(403);
    const own = await s3.send(new GetObjectCommand({ Bucket: 'policy-acl', Key: 'open' }));
    expect(await own.Body?.transformToString()).toBe('x');
  });

  it('test the S3 condition keys: s3:authType and s3:ResourceAccount', async () => {
    const s3 = s3Client(server, A);
    await s3.send(new CreateBucketCommand({ Bucket: 'keys-bucket' }));
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'keys-bucket',
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: B },
              Action: 's3:GetBucketVersioning',
              Resource: 'arn:aws:s3:::keys-bucket',
              Condition: { StringEquals: { 's3:authType': 'REST-HEADER', 's3:ResourceAccount': A } },
            },
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:GetBucketVersioning',
              Resource: 'arn:aws:s3:::keys-bucket',
              Condition: { StringNotEquals: { 's3:signatureversion': 'AWS4-HMAC-SHA256' } },
            },
          ],
        }),
      }),
    );
    await expect(
      s3Client(server, B).send(new GetBucketVersioningCommand({ Bucket: 'keys-bucket' })),
    ).resolves.toBeDefined();
  });
});

describe('account-level Block Public Access (S3 Control)', () => {
  const body = (flags: Record<string, boolean>) =>
    `<PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/">${Object.entries(flags)
      .map(([k, v]) => `<${k}>${v}</${k}>`)
      .join('')}</PublicAccessBlockConfiguration>`;

  it('stores, reads and deletes the account settings; other accounts are denied', async () => {
    const missing = await s3ControlPublicAccessBlock(server, C, C, 'GET');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('<Code>NoSuchPublicAccessBlockConfiguration</Code>');
    const put = await s3ControlPublicAccessBlock(server, C, C, 'PUT', body({ ...NO_BLOCK, BlockPublicPolicy: true }));
    expect(put.status).toBe(200);
    const got = await s3ControlPublicAccessBlock(server, C, C, 'GET');
    expect(got.text).toContain('<BlockPublicPolicy>true</BlockPublicPolicy>');
    expect(got.text).toContain('<BlockPublicAcls>false</BlockPublicAcls>');
    const foreign = await s3ControlPublicAccessBlock(server, A, C, 'GET');
    expect(foreign.status).toBe(403);
  });

  it('refuses a public bucket policy when only the account blocks public policies', async () => {
    const s3 = s3Client(server, C);
    await s3.send(new CreateBucketCommand({ Bucket: 'account-blocked' }));
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: 'account-blocked' }));
    const publicPolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::account-blocked' },
      ],
    });
    await expect(
      s3.send(new PutBucketPolicyCommand({ Bucket: 'account-blocked', Policy: publicPolicy })),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
    expect((await s3ControlPublicAccessBlock(server, C, C, 'DELETE')).status).toBe(200);
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'account-blocked', Policy: publicPolicy }));
  });
});
