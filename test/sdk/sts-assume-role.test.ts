// AssumeRole through the real STS and IAM clients: who may assume a role in the same account and across accounts,
// the exact denial wording, ExternalId, durations and role chaining.
import { PutUserPolicyCommand, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, type AssumeRoleCommandInput, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Credentials, startTestServer, type TestServer } from './harness.js';
import {
  allow,
  assumeRoleDenial,
  failure,
  policy,
  StsWorld,
  sessionCredentials,
  trust,
  type UserHandle,
} from './sts-fixtures.js';

const A = '111111111111';
const B = '222222222222';
const now = Date.now();
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

describe('same-account trust', () => {
  let alice: UserHandle;
  beforeAll(async () => {
    alice = await world.user(A, 'alice');
  });

  it('lets a user the trust policy names assume the role without any identity policy', async () => {
    const roleArn = await world.role(A, 'NamesAlice', [trust({ AWS: alice.arn })], undefined, { Path: '/team/' });
    const out = await assume(alice.credentials, { RoleArn: roleArn, RoleSessionName: 'alice-session' });
    expect(roleArn).toBe(`arn:aws:iam::${A}:role/team/NamesAlice`);
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${A}:assumed-role/NamesAlice/alice-session`);
    expect(out.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z0-9]+:alice-session$/);
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(out.Credentials?.SecretAccessKey).toHaveLength(40);
    expect(out.PackedPolicySize).toBeUndefined();
    const identity = await world.sts(sessionCredentials(out.Credentials)).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({
      Account: A,
      Arn: out.AssumedRoleUser?.Arn,
      UserId: out.AssumedRoleUser?.AssumedRoleId,
    });
  });

  it('finds a role only by its exact ARN: path and case of the name count', async () => {
    const roleArn = await world.role(A, 'PathR', [trust({ AWS: alice.arn })], undefined, { Path: '/team/' });
    for (const wrong of [
      `arn:aws:iam::${A}:role/PathR`,
      `arn:aws:iam::${A}:role/other/PathR`,
      `arn:aws:iam::${A}:role/team/PATHR`,
    ]) {
      const error = await failure(assume(alice.credentials, { RoleArn: wrong }));
      expect(error).toMatchObject({ name: 'AccessDenied', message: denial(alice.arn, wrong) });
    }
    await expect(assume(alice.credentials, { RoleArn: roleArn })).resolves.toBeDefined();
  });

  it('needs the identity policy when the trust policy names only the account', async () => {
    const roleArn = await world.role(A, 'NamesAccount', [trust({ AWS: `arn:aws:iam::${A}:root` })]);
    const error = await failure(assume(alice.credentials, { RoleArn: roleArn }));
    expect(error).toMatchObject({ name: 'AccessDenied', message: denial(alice.arn, roleArn) });
    expect(error.$metadata.httpStatusCode).toBe(403);
    const bob = await world.user(A, 'bob', policy(allow('sts:AssumeRole', roleArn)));
    const out = await assume(bob.credentials, { RoleArn: roleArn });
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${A}:assumed-role/NamesAccount/test-session`);
  });

  it('denies a role that does not exist exactly as it denies an untrusting one', async () => {
    const roleArn = `arn:aws:iam::${A}:role/NoSuchRole`;
    await expect(assume(alice.credentials, { RoleArn: roleArn })).rejects.toMatchObject({
      name: 'AccessDenied',
      message: denial(alice.arn, roleArn),
    });
  });

  it('refuses the root user', async () => {
    const roleArn = await world.role(A, 'TrustsRoot', [trust({ AWS: `arn:aws:iam::${A}:root` })]);
    await expect(
      world.sts(A).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 's1' })),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      message: 'Roles may not be assumed by root accounts.',
    });
  });

  it('refuses a RoleArn that is not an ARN and a session name the model forbids', async () => {
    await expect(assume(alice.credentials, { RoleArn: 'nothing-valid-in-here' })).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'nothing-valid-in-here is invalid',
    });
    await expect(
      assume(alice.credentials, { RoleArn: `arn:aws:iam::${A}:role/NamesAlice`, RoleSessionName: 'Session1:2' }),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message:
        "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    });
  });
});

describe('cross-account trust', () => {
  it('needs both the trust policy in B and the identity policy in A', async () => {
    const carol = await world.user(A, 'carol');
    const roleArn = `arn:aws:iam::${B}:role/CrossTarget`;
    await world.role(B, 'CrossTarget', [trust({ AWS: `arn:aws:iam::${B}:root` })]);
    await expect(assume(carol.credentials, { RoleArn: roleArn })).rejects.toMatchObject({
      name: 'AccessDenied',
      message: denial(carol.arn, roleArn),
    });
    const iamA = world.iam(A);
    await iamA.send(
      new PutUserPolicyCommand({
        UserName: 'carol',
        PolicyName: 'assume',
        PolicyDocument: policy(allow('sts:AssumeRole', roleArn)),
      }),
    );
    await expect(assume(carol.credentials, { RoleArn: roleArn })).rejects.toMatchObject({
      message: denial(carol.arn, roleArn),
    });
    await world.iam(B).send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: 'CrossTarget',
        PolicyDocument: policy(trust({ AWS: carol.arn })),
      }),
    );
    const out = await assume(carol.credentials, { RoleArn: roleArn });
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${B}:assumed-role/CrossTarget/test-session`);
    await iamA.send(
      new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'assume', PolicyDocument: policy(allow('s3:*')) }),
    );
    await expect(assume(carol.credentials, { RoleArn: roleArn })).rejects.toMatchObject({
      message: denial(carol.arn, roleArn),
    });
  });

  it('checks the ExternalId the trust policy requires, present only when passed', async () => {
    const dan = await world.user(A, 'dan');
    const roleArn = await world.role(B, 'Vendor', [
      trust({ AWS: dan.arn }, { Condition: { StringEquals: { 'sts:ExternalId': 'Example987' } } }),
    ]);
    await world.iam(A).send(
      new PutUserPolicyCommand({
        UserName: 'dan',
        PolicyName: 'p',
        PolicyDocument: policy(allow('sts:AssumeRole', roleArn)),
      }),
    );
    await expect(assume(dan.credentials, { RoleArn: roleArn })).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(assume(dan.credentials, { RoleArn: roleArn, ExternalId: 'Wrong123' })).rejects.toMatchObject({
      name: 'AccessDenied',
      message: denial(dan.arn, roleArn),
    });
    const out = await assume(dan.credentials, { RoleArn: roleArn, ExternalId: 'Example987' });
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/);
  });
});

describe('durations and role chaining', () => {
  let erin: UserHandle;
  let longRole: string;
  let nextRole: string;
  beforeAll(async () => {
    erin = await world.user(A, 'erin');
    longRole = await world.role(A, 'Long', [trust({ AWS: erin.arn })], undefined, { MaxSessionDuration: 7200 });
    nextRole = await world.role(A, 'Next', [trust({ AWS: longRole })], undefined, { MaxSessionDuration: 7200 });
  });

  it('defaults to an hour and allows up to the role MaxSessionDuration', async () => {
    const byDefault = await assume(erin.credentials, { RoleArn: longRole });
    expect(byDefault.Credentials?.Expiration?.getTime()).toBe(Math.floor(now / 1000) * 1000 + 3600_000);
    const longest = await assume(erin.credentials, { RoleArn: longRole, DurationSeconds: 7200 });
    expect(longest.Credentials?.Expiration?.getTime()).toBe(Math.floor(now / 1000) * 1000 + 7200_000);
    await expect(assume(erin.credentials, { RoleArn: longRole, DurationSeconds: 7201 })).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    });
  });

  it('caps a session assumed by a role session at one hour', async () => {
    const first = sessionCredentials((await assume(erin.credentials, { RoleArn: longRole })).Credentials);
    await expect(assume(first, { RoleArn: nextRole, DurationSeconds: 3601 })).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    });
    const chained = await assume(first, { RoleArn: nextRole, DurationSeconds: 3600, RoleSessionName: 'chained' });
    expect(chained.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${A}:assumed-role/Next/chained`);
  });
});
