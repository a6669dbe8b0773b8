// Replays the seed walkthrough ../shared/seeds/000_f151b4c0bafd9366.txt ("S3 Cross Account Access") through the
// real S3, IAM and STS clients: two accounts, a bucket in each (ap-northeast-2), bucket policies naming the other
// account's role and root, role trust, AssumeRole, a cross-account copy, and the walkthrough's condition examples
// (aws:CurrentTime window, aws:SourceIp, aws:MultiFactorAuthPresent).
//
// The walkthrough's B role trusts `arn:aws:iam::AccountB:user/yeom-a` but is then assumed with the `yeom-a` profile
// of account A; the replay names the user where the walkthrough uses it: account A.
import { CreateVirtualMFADeviceCommand, EnableMFADeviceCommand } from '@aws-sdk/client-iam';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Credentials } from './harness.js';
import { startTestServer, type TestServer } from './harness.js';
import { allow, failure, policy, StsWorld, sessionCredentials, totp, trust, type UserHandle } from './sts-fixtures.js';

const ACCOUNT_A = '111111111111';
const ACCOUNT_B = '222222222222';
const REGION = 'ap-northeast-2';
const STEP_MS = 30_000;
const IMAGE = Buffer.alloc(13788, 7);

// The server's clock; clients sign with the same time (systemClockOffset), so it may move anywhere.
let now = Math.floor(Date.now() / STEP_MS) * STEP_MS + 1_000;
let server: TestServer;
let world: StsWorld;
let yeomA: UserHandle;
let roleB = '';

function s3(who: string | Credentials): S3Client {
  return new S3Client({ ...server.client(who), region: REGION, systemClockOffset: now - Date.now() });
}

const bucketPolicyA = () =>
  policy({
    Sid: 'S3Access',
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${ACCOUNT_B}:role/yeom-accountB-s3` },
    Action: [
      's3:ListBucket',
      's3:GetObject',
      's3:GetObjectTagging',
      's3:GetObjectVersion',
      's3:GetObjectVersionTagging',
    ],
    Resource: ['arn:aws:s3:::yeom-a-s3', 'arn:aws:s3:::yeom-a-s3/*'],
  });

function bucketPolicyB(condition?: Record<string, unknown>): string {
  return policy({
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${ACCOUNT_A}:root` },
    Action: [
      's3:ListBucket',
      's3:PutObject',
      's3:PutObjectAcl',
      's3:PutObjectTagging',
      's3:GetObjectTagging',
      's3:GetObjectVersion',
      's3:GetObjectVersionTagging',
    ],
    Resource: ['arn:aws:s3:::yeom-b-s3', 'arn:aws:s3:::yeom-b-s3/*'],
    ...(condition === undefined ? {} : { Condition: condition }),
  });
}

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => now } });
  world = new StsWorld(server);
  yeomA = await world.user(ACCOUNT_A, 'yeom-a', policy(allow(['s3:*', 'sts:AssumeRole'])));
  await world.user(ACCOUNT_B, 'yeom');
});
afterAll(async () => server.close());

describe('seed 000: S3 cross-account access between two accounts', () => {
  it('account A creates its bucket in ap-northeast-2 and its role trusting B`s user', async () => {
    await s3(ACCOUNT_A).send(
      new CreateBucketCommand({ Bucket: 'yeom-a-s3', CreateBucketConfiguration: { LocationConstraint: REGION } }),
    );
    const roleA = await world.role(ACCOUNT_A, 'yeom-accountA-s3', [
      trust({ AWS: `arn:aws:iam::${ACCOUNT_B}:user/yeom` }),
    ]);
    expect(roleA).toBe(`arn:aws:iam::${ACCOUNT_A}:role/yeom-accountA-s3`);
  });

  it('refuses A`s bucket policy while B`s role does not exist, and takes it once B created the role', async () => {
    const error = await failure(
      s3(ACCOUNT_A).send(new PutBucketPolicyCommand({ Bucket: 'yeom-a-s3', Policy: bucketPolicyA() })),
    );
    expect(error).toMatchObject({ name: 'MalformedPolicy', message: 'Invalid principal in policy' });
    roleB = await world.role(
      ACCOUNT_B,
      'yeom-accountB-s3',
      [trust({ AWS: yeomA.arn })],
      policy(
        allow('s3:*', [
          'arn:aws:s3:::yeom-a-s3',
          'arn:aws:s3:::yeom-a-s3/*',
          'arn:aws:s3:::yeom-b-s3',
          'arn:aws:s3:::yeom-b-s3/*',
        ]),
      ),
    );
    await s3(ACCOUNT_A).send(new PutBucketPolicyCommand({ Bucket: 'yeom-a-s3', Policy: bucketPolicyA() }));
  });

  it('account B creates its bucket, puts its policy for A and reads it back', async () => {
    await s3(ACCOUNT_B).send(
      new CreateBucketCommand({ Bucket: 'yeom-b-s3', CreateBucketConfiguration: { LocationConstraint: REGION } }),
    );
    await s3(ACCOUNT_B).send(new PutBucketPolicyCommand({ Bucket: 'yeom-b-s3', Policy: bucketPolicyB() }));
    const got = await s3(ACCOUNT_B).send(new GetBucketPolicyCommand({ Bucket: 'yeom-b-s3' }));
    expect(JSON.parse(got.Policy!).Statement[0].Principal.AWS).toBe(`arn:aws:iam::${ACCOUNT_A}:root`);
  });

  it('A uploads 1.jpg and lists it', async () => {
    await s3(yeomA.credentials).send(new PutObjectCommand({ Bucket: 'yeom-a-s3', Key: '1.jpg', Body: IMAGE }));
    const listed = await s3(yeomA.credentials).send(new ListObjectsV2Command({ Bucket: 'yeom-a-s3' }));
    expect(listed.Contents?.map((o) => [o.Key, o.Size])).toEqual([['1.jpg', 13788]]);
  });

  it('A`s user assumes B`s role; the session reads A`s bucket through A`s bucket policy', async () => {
    const assumed = await world
      .sts(yeomA.credentials)
      .send(new AssumeRoleCommand({ RoleArn: roleB, RoleSessionName: 'AWSCLI-session' }));
    const session = sessionCredentials(assumed.Credentials);
    expect(session.accessKeyId).toMatch(/^ASIA/);
    const identity = await world.sts(session).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({
      UserId: expect.stringMatching(/^AROA[A-Z0-9]+:AWSCLI-session$/),
      Account: ACCOUNT_B,
      Arn: `arn:aws:sts::${ACCOUNT_B}:assumed-role/yeom-accountB-s3/AWSCLI-session`,
    });
    const listed = await s3(session).send(new ListObjectsV2Command({ Bucket: 'yeom-a-s3' }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(['1.jpg']);
    const object = await s3(session).send(new GetObjectCommand({ Bucket: 'yeom-a-s3', Key: '1.jpg' }));
    expect((await object.Body!.transformToByteArray()).length).toBe(13788);
    // B's root is not the role: A's policy does not name it.
    await expect(s3(ACCOUNT_B).send(new ListObjectsV2Command({ Bucket: 'yeom-a-s3' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: 'Access Denied',
    });
  });

  it('syncs A`s bucket into B`s with A`s user (a cross-account copy B`s bucket policy allows)', async () => {
    const a = s3(yeomA.credentials);
    const source = await a.send(new ListObjectsV2Command({ Bucket: 'yeom-a-s3' }));
    for (const object of source.Contents ?? []) {
      await a.send(
        new CopyObjectCommand({ Bucket: 'yeom-b-s3', Key: object.Key!, CopySource: `yeom-a-s3/${object.Key}` }),
      );
    }
    const seenByA = await a.send(new ListObjectsV2Command({ Bucket: 'yeom-b-s3' }));
    expect(seenByA.Contents?.map((o) => [o.Key, o.Size])).toEqual([['1.jpg', 13788]]);
    const seenByB = await s3(ACCOUNT_B).send(new ListObjectsV2Command({ Bucket: 'yeom-b-s3' }));
    expect(seenByB.Contents?.map((o) => [o.Key, o.Size])).toEqual([['1.jpg', 13788]]);
    // B's policy grants A no s3:GetObject, and B owns the copy (BucketOwnerEnforced).
    await expect(a.send(new GetObjectCommand({ Bucket: 'yeom-b-s3', Key: '1.jpg' }))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
    const copy = await s3(ACCOUNT_B).send(new GetObjectCommand({ Bucket: 'yeom-b-s3', Key: '1.jpg' }));
    expect(Buffer.from(await copy.Body!.transformToByteArray()).equals(IMAGE)).toBe(true);
  });

  it('still needs A`s identity policy: an A user without one is denied although B`s policy names A', async () => {
    const bare = await world.user(ACCOUNT_A, 'bare');
    await expect(s3(bare.credentials).send(new ListObjectsV2Command({ Bucket: 'yeom-b-s3' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: 'Access Denied',
    });
  });
});

describe('seed 000: the walkthrough`s condition examples', () => {
  it('aws:CurrentTime: DateLessThan 2024-12-31T23:59:59Z allows until then and denies after', async () => {
    await s3(ACCOUNT_B).send(
      new PutBucketPolicyCommand({
        Bucket: 'yeom-b-s3',
        Policy: bucketPolicyB({ DateLessThan: { 'aws:CurrentTime': '2024-12-31T23:59:59Z' } }),
      }),
    );
    const saved = now;
    try {
      now = Date.parse('2024-12-31T23:59:00Z');
      await s3(yeomA.credentials).send(new ListObjectsV2Command({ Bucket: 'yeom-b-s3' }));
      now = Date.parse('2025-01-01T00:00:30Z');
      await expect(s3(yeomA.credentials).send(new ListObjectsV2Command({ Bucket: 'yeom-b-s3' }))).rejects.toMatchObject(
        { name: 'AccessDenied' },
      );
    } finally {
      now = saved;
    }
  });

  it('aws:SourceIp: 203.0.113.0/24 shuts out a caller from 127.0.0.1; 127.0.0.0/8 lets it in', async () => {
    await s3(ACCOUNT_B).send(
      new PutBucketPolicyCommand({
        Bucket: 'yeom-b-s3',
        Policy: bucketPolicyB({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }),
      }),
    );
    await expect(s3(yeomA.credentials).send(new ListObjectsV2Command({ Bucket: 'yeom-b-s3' }))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
    await s3(ACCOUNT_B).send(
      new PutBucketPolicyCommand({
        Bucket: 'yeom-b-s3',
        Policy: bucketPolicyB({ IpAddress: { 'aws:SourceIp': '127.0.0.0/8' } }),
      }),
    );
    await s3(yeomA.credentials).send(new ListObjectsV2Command({ Bucket: 'yeom-b-s3' }));
  });

  it('aws:MultiFactorAuthPresent: long-term keys are shut out, an MFA session gets in', async () => {
    await s3(ACCOUNT_B).send(
      new PutBucketPolicyCommand({
        Bucket: 'yeom-b-s3',
        Policy: bucketPolicyB({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
      }),
    );
    await expect(s3(yeomA.credentials).send(new ListObjectsV2Command({ Bucket: 'yeom-b-s3' }))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
    const iam = world.iam(ACCOUNT_A);
    const device = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'yeom-a-phone' }));
    const serial = device.VirtualMFADevice!.SerialNumber!;
    const seed = Buffer.from(device.VirtualMFADevice!.Base32StringSeed!).toString('ascii');
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'yeom-a',
        SerialNumber: serial,
        AuthenticationCode1: totp(seed, now - STEP_MS),
        AuthenticationCode2: totp(seed, now),
      }),
    );
    now += STEP_MS;
    const token = await world
      .sts(yeomA.credentials, now - Date.now())
      .send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: totp(seed, now) }));
    const listed = await s3(sessionCredentials(token.Credentials)).send(
      new ListObjectsV2Command({ Bucket: 'yeom-b-s3' }),
    );
    expect(listed.Contents?.map((o) => o.Key)).toEqual(['1.jpg']);
  });
});
