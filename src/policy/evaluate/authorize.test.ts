import { describe, expect, it } from 'vitest';
import { RequestContext } from '../context.js';
import { parsePolicy } from '../parse/parse-policy.js';
import { principalFromArn } from '../principal.js';
import type { PolicyKind } from '../types.js';
import { authorize, type PolicySet } from './authorize.js';
import { CompiledPolicy } from './compiled-policy.js';

const A = '111111111111';
const B = '222222222222';
const BUCKET = 'arn:aws:s3:::b';
const OBJECT = 'arn:aws:s3:::b/k';

function policy(kind: PolicyKind, statement: object, id: string = kind): CompiledPolicy {
  const { document, diagnostics } = parsePolicy({ Version: '2012-10-17', Statement: [statement] }, kind);
  if (!document) throw new Error(JSON.stringify(diagnostics));
  return new CompiledPolicy(kind, id, document);
}

const allowGet = (kind: PolicyKind = 'identity') =>
  policy(kind, { Effect: 'Allow', Action: 's3:GetObject', Resource: OBJECT });
const bucketPolicy = (principal: unknown, effect = 'Allow') =>
  policy('s3-bucket', { Effect: effect, Principal: principal, Action: 's3:GetObject', Resource: `${BUCKET}/*` });

function decide(
  principalArn: string,
  policies: PolicySet,
  resourceAccount = A,
  action = 's3:GetObject',
  resource = OBJECT,
) {
  const principal = principalFromArn(principalArn)!;
  return authorize({ principal, action, resource, resourceAccount, context: RequestContext.empty() }, policies);
}

const user = `arn:aws:iam::${A}:user/alice`;
const session = `arn:aws:sts::${A}:assumed-role/R/s1`;

describe('authorize: explicit-deny messages name the denying policy', () => {
  const denyAll = (kind: PolicyKind, id: string) =>
    policy(kind, { Effect: 'Deny', ...(kind === 'rcp' ? { Principal: '*' } : {}), Action: 's3:*', Resource: '*' }, id);
  const MANAGED = `arn:aws:iam::${A}:policy/NoS3`;
  const RCP = 'arn:aws:organizations::999999999999:policy/o-abc/resource_control_policy/p-rcp1';

  it('by ARN for managed identity policies, not for inline or resource-based ones', () => {
    expect(decide(user, { identity: [allowGet(), denyAll('identity', MANAGED)] }).message).toBe(
      `User: ${user} is not authorized to perform: s3:GetObject on resource: ${OBJECT} with an explicit deny in an identity-based policy: ${MANAGED}`,
    );
    const inline = decide(user, { identity: [allowGet(), denyAll('identity', 'inline:user/alice/no-s3')] });
    expect(inline.message).toMatch(/with an explicit deny in an identity-based policy$/);
    const bucket = decide(user, { identity: [allowGet()], resource: bucketPolicy({ AWS: user }, 'Deny') });
    expect(bucket.message).toMatch(/with an explicit deny in a resource-based policy$/);
  });

  it('names an RCP only for a caller of the resource organization', () => {
    const sameAccount = decide(user, { identity: [allowGet()], rcp: [[denyAll('rcp', RCP)]] });
    expect(sameAccount.message).toMatch(new RegExp(`with an explicit deny in a resource control policy: ${RCP}$`));
    const outsider = authorize(
      {
        principal: principalFromArn(`arn:aws:iam::${B}:user/bob`)!,
        action: 's3:GetObject',
        resource: OBJECT,
        resourceAccount: A,
        context: RequestContext.from({ 'aws:ResourceOrgID': 'o-abc' }),
      },
      { identity: [allowGet()], resource: bucketPolicy('*'), rcp: [[denyAll('rcp', RCP)]] },
    );
    expect(outsider.message).toMatch(/with an explicit deny in a resource control policy$/);
  });
});

describe('authorize: same account', () => {
  it('allows with an identity allow or a resource allow alone', () => {
    expect(decide(user, { identity: [allowGet()] }).decision).toBe('Allowed');
    expect(decide(user, { resource: bucketPolicy({ AWS: user }) }).decision).toBe('Allowed');
    const none = decide(user, {});
    expect(none).toMatchObject({ decision: 'ImplicitDeny', deniedBy: 'identity-based' });
    expect(none.message).toBe(
      `User: ${user} is not authorized to perform: s3:GetObject on resource: ${OBJECT} because no identity-based policy allows the s3:GetObject action`,
    );
  });

  it('lets an explicit deny anywhere win', () => {
    const deny = policy('identity', { Effect: 'Deny', Action: 's3:*', Resource: '*' }, 'deny');
    const d = decide(user, { identity: [allowGet(), deny], resource: bucketPolicy({ AWS: user }) });
    expect(d).toMatchObject({
      decision: 'ExplicitDeny',
      deniedBy: 'identity-based',
      matched: [{ policyId: 'deny', effect: 'Deny' }],
    });
    expect(d.message).toMatch(/with an explicit deny in an identity-based policy$/);
  });

  it('does not limit a grant to the user ARN by the boundary, but limits a grant to the role ARN', () => {
    const boundary = policy('permissions-boundary', { Effect: 'Allow', Action: 'ec2:*', Resource: '*' });
    expect(decide(user, { resource: bucketPolicy({ AWS: user }), permissionsBoundary: boundary }).decision).toBe(
      'Allowed',
    );
    const roleGrant = bucketPolicy({ AWS: `arn:aws:iam::${A}:role/R` });
    expect(decide(session, { resource: roleGrant }).decision).toBe('Allowed');
    expect(decide(session, { resource: roleGrant, permissionsBoundary: boundary })).toMatchObject({
      decision: 'ImplicitDeny',
      deniedBy: 'permissions boundary',
    });
    expect(decide(session, { resource: bucketPolicy({ AWS: session }), permissionsBoundary: boundary }).decision).toBe(
      'Allowed',
    );
  });

  it('needs an identity allow when the resource policy names the account', () => {
    const accountGrant = bucketPolicy({ AWS: A });
    expect(decide(user, { resource: accountGrant }).deniedBy).toBe('identity-based');
    expect(decide(user, { resource: accountGrant, identity: [allowGet()] }).decision).toBe('Allowed');
  });

  it('requires an explicit allow in trust and key policies even in the same account', () => {
    const role = `arn:aws:iam::${A}:role/Target`;
    const identity = policy('identity', { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: role });
    const trustAccount = policy('trust', {
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${A}:root` },
      Action: 'sts:AssumeRole',
    });
    expect(decide(user, { identity: [identity] }, A, 'sts:AssumeRole', role)).toMatchObject({ decision: 'Allowed' });
    expect(
      authorize(
        {
          principal: principalFromArn(user)!,
          action: 'sts:AssumeRole',
          resource: role,
          resourceAccount: A,
          context: RequestContext.empty(),
          resourcePolicyRequired: true,
        },
        { identity: [identity] },
      ).deniedBy,
    ).toBe('resource-based');
    expect(decide(user, { identity: [identity], resource: trustAccount }, A, 'sts:AssumeRole', role).decision).toBe(
      'Allowed',
    );
    expect(decide(user, { resource: trustAccount }, A, 'sts:AssumeRole', role).deniedBy).toBe('identity-based');
  });

  it('allows the root user everything in its account, within SCPs', () => {
    const root = `arn:aws:iam::${A}:root`;
    expect(decide(root, {}).decision).toBe('Allowed');
    const scpDeny = policy('scp', { Effect: 'Deny', Action: 's3:*', Resource: '*' });
    const full = policy('scp', { Effect: 'Allow', Action: '*', Resource: '*' });
    expect(decide(root, { scp: [[full, scpDeny]] })).toMatchObject({
      decision: 'ExplicitDeny',
      deniedBy: 'service control',
    });
  });
});

describe('authorize: cross account', () => {
  it('needs both the identity policy and the resource policy', () => {
    expect(decide(user, { identity: [allowGet()] }, B).deniedBy).toBe('resource-based');
    expect(decide(user, { resource: bucketPolicy({ AWS: user }) }, B).deniedBy).toBe('identity-based');
    expect(decide(user, { identity: [allowGet()], resource: bucketPolicy({ AWS: A }) }, B).decision).toBe('Allowed');
  });

  it('lets anonymous callers in only through a resource policy naming everyone', () => {
    expect(decide('*', { resource: bucketPolicy('*') }, B).decision).toBe('Allowed');
    expect(decide('*', { resource: bucketPolicy({ AWS: A }) }, B).deniedBy).toBe('resource-based');
  });
});

describe('authorize: organizations and endpoints', () => {
  const full = () => policy('scp', { Effect: 'Allow', Action: '*', Resource: '*' });
  it('requires an SCP allow at every level, and names a level without one as an implicit denial', () => {
    const d = decide(user, { identity: [allowGet()], scp: [[full()], [], [full()]] });
    expect(d).toMatchObject({ decision: 'ImplicitDeny', deniedBy: 'service control' });
    expect(d.message).toMatch(/because no service control policy allows the s3:GetObject action$/);
    const denied = decide(user, {
      identity: [allowGet()],
      scp: [[full(), policy('scp', { Effect: 'Deny', Action: 's3:*', Resource: '*' })]],
    });
    expect(denied).toMatchObject({ decision: 'ExplicitDeny', deniedBy: 'service control' });
    expect(denied.message).toMatch(/with an explicit deny in a service control policy$/);
    expect(decide(user, { identity: [allowGet()], scp: [[full()], [full()]] }).decision).toBe('Allowed');
  });

  it('exempts service-linked roles from SCPs', () => {
    const slr = authorize(
      {
        principal: principalFromArn(
          `arn:aws:sts::${A}:assumed-role/AWSServiceRoleForX/s`,
          `arn:aws:iam::${A}:role/aws-service-role/x.amazonaws.com/AWSServiceRoleForX`,
        )!,
        action: 's3:GetObject',
        resource: OBJECT,
        resourceAccount: A,
        context: RequestContext.empty(),
      },
      { identity: [allowGet()], scp: [[]] },
    );
    expect(slr.decision).toBe('Allowed');
  });

  it('applies RCP denies to RCP-enabled services only', () => {
    const rcp = policy('rcp', { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' });
    expect(decide(user, { identity: [allowGet()], rcp: [[rcp]] }).deniedBy).toBe('resource control');
    const snsAllow = policy('identity', { Effect: 'Allow', Action: 'sns:Publish', Resource: '*' });
    expect(
      decide(user, { identity: [snsAllow], rcp: [[rcp]] }, A, 'sns:Publish', `arn:aws:sns:us-east-1:${A}:t`).decision,
    ).toBe('Allowed');
  });

  it('filters with the VPC endpoint policy without granting', () => {
    const vpce = policy('vpc-endpoint', { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' });
    expect(decide(user, { vpcEndpoint: vpce }).deniedBy).toBe('identity-based');
    const narrow = policy('vpc-endpoint', { Effect: 'Allow', Principal: '*', Action: 's3:PutObject', Resource: '*' });
    const d = decide(user, { identity: [allowGet()], vpcEndpoint: narrow });
    expect(d).toMatchObject({ decision: 'ImplicitDeny', deniedBy: 'VPC endpoint' });
    expect(d.message).toMatch(/because no VPC endpoint policy allows the s3:GetObject action$/);
  });
});

describe('authorize: trace', () => {
  it('records every policy, statement and step when asked', () => {
    const d = authorize(
      {
        principal: principalFromArn(user)!,
        action: 's3:GetObject',
        resource: OBJECT,
        resourceAccount: B,
        context: RequestContext.empty(),
      },
      { identity: [allowGet()] },
      { trace: true },
    );
    expect(d.trace?.crossAccount).toBe(true);
    expect(d.trace?.policies.map((p) => [p.type, p.outcome])).toEqual([['identity-based', 'Allow']]);
    expect(d.trace?.steps.at(-1)).toMatchObject({
      step: 'resource-based and identity-based policies',
      outcome: 'fail',
    });
  });
});
