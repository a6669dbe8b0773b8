import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AwsError } from '../../core/aws-error.js';
import { openStorage, type Storage } from '../../storage/index.js';
import type { Caller, IdentityLookup } from '../types.js';
import { assumeRoleTargets, readAssumeRoleRequest, verifyRequestMfa } from './assume-role-request.js';
import { assumeRole } from './handlers/assume-role.js';
import { OidcIssuer } from './oidc/oidc-issuer.js';
import { type IssuedCredentials, SessionStore } from './session-store.js';
import type { StsContext } from './sts-context.js';
import { fakeCall, fakeIdentityLookup, fakeRole, userCaller } from './test-fixtures/fake-call.js';

const NOW = Date.parse('2026-03-01T10:00:00Z');

interface RoleOutput {
  readonly Credentials: IssuedCredentials;
  readonly AssumedRoleUser: { readonly Arn: string; readonly AssumedRoleId: string };
  readonly PackedPolicySize?: number;
}
const ALICE = userCaller('111111111111', 'alice');
const TARGET = fakeRole(
  '222222222222',
  'Target',
  { Statement: [{ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sts:AssumeRole' }] },
  { arn: 'arn:aws:iam::222222222222:role/ops/Target', path: '/ops/', tags: { Env: 'prod' }, maxSessionDuration: 7200 },
);

describe('AssumeRole requests', () => {
  let storage: Storage;
  let identities: IdentityLookup & { mfaCalls: string[] };
  let sts: StsContext;
  beforeEach(() => {
    storage = openStorage({ memory: true });
    identities = fakeIdentityLookup({
      roles: [TARGET],
      mfaCodes: ['arn:aws:iam::111111111111:user/alice|arn:aws:iam::111111111111:mfa/alice|123456'],
    });
    const clock = { now: () => NOW };
    sts = {
      sessions: new SessionStore(storage.db, clock),
      issuer: new OidcIssuer(storage.db, { region: 'us-east-1', rootSecret: 't', endpointUrl: 'http://x' }),
      managedPolicy: () => undefined,
    };
  });
  afterEach(() => storage.close());

  const call = (caller: Caller = ALICE) => fakeCall(caller, { identities, storage, clock: { now: () => NOW } });
  const read = (input: Record<string, unknown>, caller?: Caller) =>
    readAssumeRoleRequest({ RoleSessionName: 'ci', ...input }, call(caller), sts);
  const failure = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error as AwsError;
    }
    throw new Error('expected a failure');
  };

  it('refuses the root user in AWS words', () => {
    const root: Caller = {
      ...ALICE,
      kind: 'root',
      principal: { type: 'Account', arn: 'arn:aws:iam::111111111111:root', account: '111111111111' },
    };
    expect(failure(() => read({ RoleArn: TARGET.arn }, root))).toMatchObject({
      code: 'AccessDenied',
      status: 403,
      message: 'Roles may not be assumed by root accounts.',
    });
  });

  it('refuses a RoleArn that is not an ARN with ValidationError', () => {
    expect(failure(() => read({ RoleArn: 'nothing-valid-in-here' }))).toMatchObject({
      code: 'ValidationError',
      message: 'nothing-valid-in-here is invalid',
    });
  });

  it('asks the trust policy for sts:AssumeRole on the role, with the keys AWS supplies and its denial wording', () => {
    const request = read({ RoleArn: 'arn:aws:iam::222222222222:role/Target', ExternalId: 'ext-1' });
    const [trust, ...rest] = assumeRoleTargets(request, false);
    expect(rest).toEqual([]);
    expect(trust).toMatchObject({
      action: 'sts:AssumeRole',
      resource: 'arn:aws:iam::222222222222:role/ops/Target',
      resourceAccount: '222222222222',
      resourcePolicy: TARGET.trustPolicy,
      resourcePolicyRequired: true,
      context: { 'sts:RoleSessionName': 'ci', 'sts:ExternalId': 'ext-1', 'aws:ResourceTag/Env': 'prod' },
    });
    const denial = trust!.deniedError!({} as never, ALICE);
    expect(denial.message).toBe(
      'User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/Target',
    );
  });

  it('leaves sts:ExternalId out when none is passed, and still asks for a role that does not exist', () => {
    const [trust] = assumeRoleTargets(read({ RoleArn: 'arn:aws:iam::222222222222:role/Nope' }), false);
    expect(trust?.context).not.toHaveProperty('sts:ExternalId');
    expect(trust).toMatchObject({ resource: 'arn:aws:iam::222222222222:role/Nope', resourcePolicy: undefined });
  });

  it('adds sts:TagSession and sts:SetSourceIdentity when the session carries tags or a source identity', () => {
    const request = read({ RoleArn: TARGET.arn, Tags: [{ Key: 'Project', Value: 'x' }], SourceIdentity: 'alice' });
    expect(assumeRoleTargets(request, false).map((t) => t.action)).toEqual([
      'sts:AssumeRole',
      'sts:TagSession',
      'sts:SetSourceIdentity',
    ]);
    expect(request.packedPolicySize).toBeGreaterThan(0);
  });

  it('verifies the MFA code and tells the trust policy MFA is present', () => {
    const mfa = { RoleArn: TARGET.arn, SerialNumber: 'arn:aws:iam::111111111111:mfa/alice' };
    expect(failure(() => verifyRequestMfa({ ...mfa, TokenCode: '000000' }, call()))).toMatchObject({
      code: 'AccessDenied',
      message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    });
    expect(verifyRequestMfa({ ...mfa, TokenCode: '123456' }, call())).toBe(true);
    expect(verifyRequestMfa({ RoleArn: TARGET.arn }, call())).toBe(false);
    const [trust] = assumeRoleTargets(read(mfa), true);
    expect(trust?.context).toMatchObject({ 'aws:MultiFactorAuthPresent': true, 'aws:MultiFactorAuthAge': 0 });
  });

  const issue = (input: Record<string, unknown>, caller: Caller = ALICE) =>
    assumeRole(sts)({ RoleSessionName: 'ci', ...input }, call(caller)) as unknown as RoleOutput;
  const callerOf = (output: RoleOutput): Caller => {
    const { AccessKeyId, SessionToken } = output.Credentials;
    return sts.sessions.credentialSource(AccessKeyId, SessionToken)!.caller;
  };

  it('issues a session whose ARN drops the role path, for an hour by default', () => {
    const output = issue({ RoleArn: TARGET.arn });
    expect(output.AssumedRoleUser).toEqual({
      Arn: 'arn:aws:sts::222222222222:assumed-role/Target/ci',
      AssumedRoleId: `${TARGET.roleId}:ci`,
    });
    expect(output.Credentials.Expiration).toEqual(new Date(NOW + 3600_000));
    expect(output.PackedPolicySize).toBeUndefined();
    const caller = callerOf(output);
    expect(caller).toMatchObject({ kind: 'role-session', account: '222222222222', userId: `${TARGET.roleId}:ci` });
    expect(caller.principal.roleArn).toBe('arn:aws:iam::222222222222:role/ops/Target');
  });

  it('holds DurationSeconds to the role maximum, and to one hour when chaining', () => {
    expect(failure(() => issue({ RoleArn: TARGET.arn, DurationSeconds: 7201 }))).toMatchObject({
      code: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    });
    const chained = callerOf(issue({ RoleArn: TARGET.arn, DurationSeconds: 7200 }));
    expect(failure(() => issue({ RoleArn: TARGET.arn, DurationSeconds: 3601 }, chained))).toMatchObject({
      code: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    });
  });

  it('keeps a source identity along the chain and refuses to change it', () => {
    const session = callerOf(issue({ RoleArn: TARGET.arn, SourceIdentity: 'alice' }));
    expect(read({ RoleArn: TARGET.arn }, session).sourceIdentity).toBe('alice');
    expect(failure(() => read({ RoleArn: TARGET.arn, SourceIdentity: 'bob' }, session))).toMatchObject({
      code: 'InvalidParameterValue',
    });
  });

  it('refuses a malformed session policy with MalformedPolicyDocument', () => {
    expect(failure(() => read({ RoleArn: TARGET.arn, Policy: '{"Statement":[{"Effect":"Allow"}]}' }))).toMatchObject({
      code: 'MalformedPolicyDocument',
    });
    expect(
      failure(() => read({ RoleArn: TARGET.arn, PolicyArns: [{ arn: 'arn:aws:iam::999999999999:policy/x' }] })),
    ).toMatchObject({
      code: 'MalformedPolicyDocument',
      message: 'Policy arn:aws:iam::999999999999:policy/x does not exist or is not attachable.',
    });
  });
});
