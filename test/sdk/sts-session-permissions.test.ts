// What a role session may do, through the real STS and IAM clients: session policies (inline and managed) intersect
// the role's policies, session tags become aws:PrincipalTag, a source identity becomes aws:SourceIdentity, and an
// MFA-protected role needs a code from the user's virtual MFA device.
import {
  CreatePolicyCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  IAMClient,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import type { AssumeRoleCommandInput } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Credentials, startTestServer, type TestServer } from './harness.js';
import {
  allow,
  assumeRoleDenial,
  failure,
  policy,
  StsWorld,
  sessionCredentials,
  totp,
  trust,
  type UserHandle,
} from './sts-fixtures.js';

const A = '111111111111';
const B = '222222222222';
const STEP_MS = 30_000;
// The server's clock, moved by the MFA test; it stays within SigV4's clock skew of the real time the SDK signs with.
let now = Math.floor(Date.now() / STEP_MS) * STEP_MS + 1_000;
let server: TestServer;
let world: StsWorld;

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => now } });
  world = new StsWorld(server);
});
afterAll(async () => server.close());

const assume = (credentials: Credentials, input: Partial<AssumeRoleCommandInput> & { RoleArn: string }) =>
  world.assumeRole(credentials, input);
const denial = assumeRoleDenial;

describe('session permissions', () => {
  let frank: UserHandle;
  let roleArn: string;
  beforeAll(async () => {
    frank = await world.user(A, 'frank');
    roleArn = await world.role(
      A,
      'Lister',
      [
        trust({ AWS: frank.arn }),
        { ...trust({ AWS: frank.arn }), Action: ['sts:TagSession', 'sts:SetSourceIdentity'] },
      ],
      policy(
        allow('iam:ListUsers', '*', { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } } }),
        allow('iam:ListUsers', '*', { Condition: { StringEquals: { 'aws:SourceIdentity': 'frank@example.com' } } }),
        allow('iam:ListUsers', '*', {
          Condition: { Null: { 'aws:PrincipalTag/team': 'true', 'aws:SourceIdentity': 'true' } },
        }),
      ),
    );
  });

  const listUsers = (credentials: Credentials) =>
    new IAMClient(server.client(credentials)).send(new ListUsersCommand({}));

  it('intersects the role policies with a session policy', async () => {
    const plain = await assume(frank.credentials, { RoleArn: roleArn });
    await expect(listUsers(sessionCredentials(plain.Credentials))).resolves.toMatchObject({ Users: expect.any(Array) });
    const narrowed = await assume(frank.credentials, {
      RoleArn: roleArn,
      Policy: policy(allow('s3:ListAllMyBuckets')),
    });
    expect(narrowed.PackedPolicySize).toBeGreaterThan(0);
    const error = await failure(listUsers(sessionCredentials(narrowed.Credentials)));
    expect(error).toMatchObject({ name: 'AccessDenied' });
    expect(error.message).toBe(
      `User: arn:aws:sts::${A}:assumed-role/Lister/test-session is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${A}:user/ because no session policy allows the iam:ListUsers action`,
    );
  });

  it('takes managed session policies of the role’s account by ARN', async () => {
    const iam = world.iam(A);
    const { Policy: lists } = await iam.send(
      new CreatePolicyCommand({ PolicyName: 'ListsUsers', PolicyDocument: policy(allow('iam:ListUsers')) }),
    );
    const { Policy: buckets } = await iam.send(
      new CreatePolicyCommand({ PolicyName: 'ListsBuckets', PolicyDocument: policy(allow('s3:ListAllMyBuckets')) }),
    );
    const allowed = await assume(frank.credentials, { RoleArn: roleArn, PolicyArns: [{ arn: lists!.Arn }] });
    await expect(listUsers(sessionCredentials(allowed.Credentials))).resolves.toBeDefined();
    const narrowed = await assume(frank.credentials, { RoleArn: roleArn, PolicyArns: [{ arn: buckets!.Arn }] });
    await expect(listUsers(sessionCredentials(narrowed.Credentials))).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(
      assume(frank.credentials, { RoleArn: roleArn, PolicyArns: [{ arn: `arn:aws:iam::${B}:policy/ListsUsers` }] }),
    ).rejects.toMatchObject({ name: 'MalformedPolicyDocumentException' });
  });

  it('refuses a malformed session policy', async () => {
    await expect(assume(frank.credentials, { RoleArn: roleArn, Policy: '{"Statement":' })).rejects.toMatchObject({
      name: 'MalformedPolicyDocumentException',
      message: 'Syntax errors in policy.',
    });
  });

  it('puts session tags in aws:PrincipalTag', async () => {
    const blue = await assume(frank.credentials, { RoleArn: roleArn, Tags: [{ Key: 'team', Value: 'blue' }] });
    await expect(listUsers(sessionCredentials(blue.Credentials))).resolves.toBeDefined();
    const red = await assume(frank.credentials, { RoleArn: roleArn, Tags: [{ Key: 'team', Value: 'red' }] });
    await expect(listUsers(sessionCredentials(red.Credentials))).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('needs sts:TagSession in the trust policy to pass tags', async () => {
    const strict = await world.role(A, 'NoTags', [trust({ AWS: frank.arn })]);
    await expect(
      assume(frank.credentials, { RoleArn: strict, Tags: [{ Key: 'team', Value: 'blue' }] }),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      message: denial(frank.arn, strict, 'sts:TagSession'),
    });
    await expect(
      assume(frank.credentials, {
        RoleArn: roleArn,
        Tags: [
          { Key: 'team', Value: 'blue' },
          { Key: 'Team', Value: 'red' },
        ],
      }),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValue',
      message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    });
  });

  it('hands transitive tags on to the sessions a role session assumes, and refuses to re-pass them', async () => {
    const tagged = sessionCredentials(
      (
        await assume(frank.credentials, {
          RoleArn: roleArn,
          Tags: [{ Key: 'team', Value: 'blue' }],
          TransitiveTagKeys: ['team'],
        })
      ).Credentials,
    );
    const tagTrust = { ...trust({ AWS: roleArn }), Action: ['sts:AssumeRole', 'sts:TagSession'] };
    const second = await world.role(
      A,
      'SecondHop',
      [tagTrust],
      policy(
        allow('iam:ListUsers', '*', {
          Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
        }),
      ),
    );
    const hop = await assume(tagged, { RoleArn: second, RoleSessionName: 'hop' });
    await expect(listUsers(sessionCredentials(hop.Credentials))).resolves.toBeDefined();
    await expect(
      assume(tagged, { RoleArn: second, RoleSessionName: 'hop', Tags: [{ Key: 'TEAM', Value: 'red' }] }),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValue',
      message:
        "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
    });
    const untagging = await world.role(A, 'NoTagHop', [trust({ AWS: roleArn })]);
    await expect(assume(tagged, { RoleArn: untagging, RoleSessionName: 'hop' })).rejects.toMatchObject({
      message: denial(`arn:aws:sts::${A}:assumed-role/Lister/test-session`, untagging, 'sts:TagSession'),
    });
  });

  it('sets a source identity, seen as aws:SourceIdentity, only when the trust policy allows sts:SetSourceIdentity', async () => {
    const out = await assume(frank.credentials, { RoleArn: roleArn, SourceIdentity: 'frank@example.com' });
    expect(out.SourceIdentity).toBe('frank@example.com');
    await expect(listUsers(sessionCredentials(out.Credentials))).resolves.toBeDefined();
    const other = await assume(frank.credentials, { RoleArn: roleArn, SourceIdentity: 'someone-else' });
    await expect(listUsers(sessionCredentials(other.Credentials))).rejects.toMatchObject({ name: 'AccessDenied' });
    const strict = await world.role(A, 'NoSourceIdentity', [trust({ AWS: frank.arn })]);
    await expect(assume(frank.credentials, { RoleArn: strict, SourceIdentity: 'frank' })).rejects.toMatchObject({
      message: denial(frank.arn, strict, 'sts:SetSourceIdentity'),
    });
  });
});

describe('MFA-protected roles', () => {
  it('needs a valid code from the user’s virtual MFA device', async () => {
    const gina = await world.user(A, 'gina');
    const iam = world.iam(A);
    const { VirtualMFADevice } = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'gina' }));
    const serial = VirtualMFADevice!.SerialNumber!;
    const seed = Buffer.from(VirtualMFADevice!.Base32StringSeed!).toString('ascii');
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'gina',
        SerialNumber: serial,
        AuthenticationCode1: totp(seed, now - STEP_MS),
        AuthenticationCode2: totp(seed, now),
      }),
    );
    const roleArn = await world.role(
      A,
      'NeedsMfa',
      [trust({ AWS: gina.arn }, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })],
      policy(allow('iam:ListUsers', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })),
    );
    await expect(assume(gina.credentials, { RoleArn: roleArn })).rejects.toMatchObject({
      message: denial(gina.arn, roleArn),
    });
    now += STEP_MS;
    const wrong = totp(seed, now) === '000000' ? '111111' : '000000';
    await expect(
      assume(gina.credentials, { RoleArn: roleArn, SerialNumber: serial, TokenCode: wrong }),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    });
    const code = totp(seed, now);
    const out = await assume(gina.credentials, { RoleArn: roleArn, SerialNumber: serial, TokenCode: code });
    const session = new IAMClient(server.client(sessionCredentials(out.Credentials)));
    await expect(session.send(new ListUsersCommand({}))).resolves.toBeDefined();
    await expect(
      assume(gina.credentials, { RoleArn: roleArn, SerialNumber: serial, TokenCode: code }),
    ).rejects.toMatchObject({
      message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    });
  });
});
