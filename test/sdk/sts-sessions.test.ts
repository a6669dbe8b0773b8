// Temporary credentials through the real STS and IAM clients: expiry and tampering, GetSessionToken,
// GetFederationToken, GetAccessKeyInfo, DecodeAuthorizationMessage, GetCallerIdentity for every kind of caller and
// a presigned GetCallerIdentity URL as `aws eks get-token` makes it.
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import {
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  IAMClient,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import {
  AssumeRoleCommand,
  DecodeAuthorizationMessageCommand,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
} from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SourceData } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Credentials, startTestServer, type TestServer } from './harness.js';
import { allow, failure, policy, StsWorld, sessionCredentials, totp, trust, type UserHandle } from './sts-fixtures.js';

const A = '111111111111';
const STEP_MS = 30_000;
const start = Math.floor(Date.now() / STEP_MS) * STEP_MS + 1_000;
let now = start;
let server: TestServer;
let world: StsWorld;
let alice: UserHandle;
let roleArn: string;

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => now } });
  world = new StsWorld(server);
  alice = await world.user(
    A,
    'alice',
    policy(
      allow([
        'iam:ListUsers',
        's3:ListAllMyBuckets',
        'sts:GetFederationToken',
        'sts:GetAccessKeyInfo',
        'sts:DecodeAuthorizationMessage',
      ]),
    ),
  );
  roleArn = await world.role(A, 'Worker', [trust({ AWS: alice.arn })], policy(allow('iam:ListUsers')));
});
afterAll(async () => server.close());

const stsAs = (credentials: Credentials | string) => world.sts(credentials, now - Date.now());
const iamAs = (credentials: Credentials) =>
  new IAMClient({ ...server.client(credentials), systemClockOffset: now - Date.now() });
const s3As = (credentials: Credentials) =>
  new S3Client({ ...server.client(credentials), systemClockOffset: now - Date.now(), forcePathStyle: true });

async function roleSession(): Promise<Credentials> {
  const out = await stsAs(alice.credentials).send(
    new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'worker' }),
  );
  return sessionCredentials(out.Credentials);
}

describe('session credentials', () => {
  it('are refused with ExpiredToken once expired', async () => {
    now = start;
    const out = await stsAs(alice.credentials).send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'short', DurationSeconds: 900 }),
    );
    const session = sessionCredentials(out.Credentials);
    await expect(stsAs(session).send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
    now = start + 900_000;
    const error = await failure(stsAs(session).send(new GetCallerIdentityCommand({})));
    expect(error).toMatchObject({
      name: 'ExpiredToken',
      message: 'The security token included in the request is expired',
    });
    now = start;
  });

  it('are refused with InvalidClientTokenId when the token is altered or missing', async () => {
    const session = await roleSession();
    const token = session.sessionToken!;
    const tampered = {
      ...session,
      sessionToken: `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`,
    };
    await expect(stsAs(tampered).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    });
    const withoutToken = { accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey };
    await expect(stsAs(withoutToken).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
    });
  });
});

describe('GetSessionToken', () => {
  it('gives an IAM user 12-hour credentials with the user’s identity and permissions', async () => {
    const out = await stsAs(alice.credentials).send(new GetSessionTokenCommand({}));
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(out.Credentials?.Expiration?.getTime()).toBe(Math.floor(now / 1000) * 1000 + 43_200_000);
    const session = sessionCredentials(out.Credentials);
    const identity = await stsAs(session).send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe(alice.arn);
    expect(identity.UserId).toMatch(/^AIDA/);
    await expect(s3As(session).send(new ListBucketsCommand({}))).resolves.toBeDefined();
  });

  it('cannot call IAM without MFA: IAM answers as for an invalid token', async () => {
    const session = sessionCredentials(
      (await stsAs(alice.credentials).send(new GetSessionTokenCommand({}))).Credentials,
    );
    await expect(iamAs(session).send(new ListUsersCommand({}))).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid',
      $metadata: { httpStatusCode: 403 },
    });
    const root = sessionCredentials((await stsAs(A).send(new GetSessionTokenCommand({}))).Credentials);
    await expect(iamAs(root).send(new ListUsersCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
  });

  it('gives the root user at most an hour', async () => {
    const out = await stsAs(A).send(new GetSessionTokenCommand({ DurationSeconds: 7200 }));
    expect(out.Credentials?.Expiration?.getTime()).toBe(Math.floor(now / 1000) * 1000 + 3600_000);
    const identity = await stsAs(sessionCredentials(out.Credentials)).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Arn: `arn:aws:iam::${A}:root`, UserId: A, Account: A });
  });

  it('cannot be called with session credentials', async () => {
    await expect(stsAs(await roleSession()).send(new GetSessionTokenCommand({}))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: 'Cannot call GetSessionToken with session credentials',
    });
  });

  it('records MFA so that policies requiring it allow the session', async () => {
    const mfaUser = await world.user(
      A,
      'mallory',
      policy(allow('iam:ListUsers', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })),
    );
    const { VirtualMFADevice } = await world
      .iam(A)
      .send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'mallory' }));
    const serial = VirtualMFADevice!.SerialNumber!;
    const seed = Buffer.from(VirtualMFADevice!.Base32StringSeed!).toString('ascii');
    await world.iam(A).send(
      new EnableMFADeviceCommand({
        UserName: 'mallory',
        SerialNumber: serial,
        AuthenticationCode1: totp(seed, now - STEP_MS),
        AuthenticationCode2: totp(seed, now),
      }),
    );
    const plain = sessionCredentials(
      (await stsAs(mfaUser.credentials).send(new GetSessionTokenCommand({}))).Credentials,
    );
    await expect(iamAs(plain).send(new ListUsersCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
    now += STEP_MS;
    const out = await stsAs(mfaUser.credentials).send(
      new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: totp(seed, now) }),
    );
    await expect(iamAs(sessionCredentials(out.Credentials)).send(new ListUsersCommand({}))).resolves.toBeDefined();
    await expect(
      stsAs(mfaUser.credentials).send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: totp(seed, now) })),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    });
  });
});

describe('GetFederationToken', () => {
  it('makes a federated user that has no permissions without a session policy', async () => {
    const out = await stsAs(alice.credentials).send(new GetFederationTokenCommand({ Name: 'bob' }));
    expect(out.FederatedUser).toEqual({ Arn: `arn:aws:sts::${A}:federated-user/bob`, FederatedUserId: `${A}:bob` });
    expect(out.PackedPolicySize).toBe(0);
    const session = sessionCredentials(out.Credentials);
    const identity = await stsAs(session).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Arn: `arn:aws:sts::${A}:federated-user/bob`, UserId: `${A}:bob`, Account: A });
    await expect(s3As(session).send(new ListBucketsCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('grants what both the user’s policies and the session policy allow, never IAM', async () => {
    const out = await stsAs(alice.credentials).send(
      new GetFederationTokenCommand({
        Name: 'carol',
        Policy: policy(allow(['s3:ListAllMyBuckets', 'iam:ListUsers'])),
      }),
    );
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    const session = sessionCredentials(out.Credentials);
    await expect(s3As(session).send(new ListBucketsCommand({}))).resolves.toBeDefined();
    await expect(iamAs(session).send(new ListUsersCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
  });

  it('needs sts:GetFederationToken and long-term credentials', async () => {
    const nobody = await world.user(A, 'nobody');
    const error = await failure(stsAs(nobody.credentials).send(new GetFederationTokenCommand({ Name: 'dave' })));
    expect(error.message).toBe(
      `User: ${nobody.arn} is not authorized to perform: sts:GetFederationToken on resource: arn:aws:sts::${A}:federated-user/dave because no identity-based policy allows the sts:GetFederationToken action`,
    );
    await expect(
      stsAs(await roleSession()).send(new GetFederationTokenCommand({ Name: 'erin' })),
    ).rejects.toMatchObject({
      message: 'Cannot call GetFederationToken with session credentials',
    });
  });
});

describe('GetAccessKeyInfo and DecodeAuthorizationMessage', () => {
  it('names the account of IAM and STS access keys', async () => {
    const sts = stsAs(alice.credentials);
    const session = await roleSession();
    await expect(
      sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: alice.credentials.accessKeyId })),
    ).resolves.toMatchObject({ Account: A });
    await expect(sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: session.accessKeyId }))).resolves.toMatchObject({
      Account: A,
    });
    await expect(sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: 'AKIAAAAAAAAAAAAAAAAA' }))).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
    });
  });

  it('decodes no message, since xacct encodes none', async () => {
    await expect(
      stsAs(alice.credentials).send(new DecodeAuthorizationMessageCommand({ EncodedMessage: 'abc' })),
    ).rejects.toMatchObject({ name: 'InvalidAuthorizationMessageException' });
  });
});

/** SHA-256 and HMAC-SHA-256 from node:crypto in the shape the SDK's signer takes. */
class NodeSha256 {
  private hash: Hash | Hmac;
  private readonly secret: Buffer | undefined;
  constructor(secret?: SourceData) {
    this.secret = secret === undefined ? undefined : toBuffer(secret);
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', this.secret);
  }
  update(data: SourceData): void {
    this.hash.update(toBuffer(data));
  }
  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

function toBuffer(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data);
  return ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);
}

describe('presigned GetCallerIdentity', () => {
  it('answers a GET with X-Amz-* query parameters signed with x-k8s-aws-id, as EKS tokens carry', async () => {
    const url = new URL(server.url);
    const signer = new SignatureV4({
      service: 'sts',
      region: 'us-east-1',
      credentials: alice.credentials,
      sha256: NodeSha256,
    });
    const presigned = await signer.presign(
      {
        method: 'GET',
        protocol: url.protocol,
        hostname: url.hostname,
        port: Number(url.port),
        path: '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        headers: { host: url.host, 'x-k8s-aws-id': 'my-cluster' },
      },
      { expiresIn: 60, signingDate: new Date(now) },
    );
    const query = new URLSearchParams(presigned.query as Record<string, string>).toString();
    expect(query).toContain('X-Amz-SignedHeaders=host%3Bx-k8s-aws-id');
    const response = await fetch(`${server.url}/?${query}`, { headers: { 'x-k8s-aws-id': 'my-cluster' } });
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(body).toContain(`<Arn>${alice.arn}</Arn>`);
    const forged = await fetch(`${server.url}/?${query}`, { headers: { 'x-k8s-aws-id': 'other-cluster' } });
    expect(forged.status).toBe(403);
  });
});
