// The summaries are checked against real engine decisions (with traces), recorded the way the server records them.
import { describe, expect, it } from 'vitest';
import type { RecordedDecision } from '../audit/trail-event.js';
import {
  authorize,
  type CompiledPolicy,
  compilePolicy,
  type Decision,
  type PolicyKind,
  type PolicySet,
  principalFromArn,
  RequestContext,
} from '../policy/index.js';
import { explainSummary } from './explain-summary.js';

const ALICE = 'arn:aws:iam::111111111111:user/alice';

function policy(kind: PolicyKind, id: string, statements: unknown[]): CompiledPolicy {
  const { policy: compiled, diagnostics } = compilePolicy({ Version: '2012-10-17', Statement: statements }, kind, id);
  if (!compiled) throw new Error(JSON.stringify(diagnostics));
  return compiled;
}

function decide(
  principalArn: string,
  action: string,
  resource: string,
  policies: PolicySet,
  context: Record<string, string> = {},
): RecordedDecision {
  const principal = principalFromArn(principalArn)!;
  const resourceAccount = /^arn:aws:s3:::/.test(resource) ? '111111111111' : principal.account;
  const d = authorize(
    { principal, action, resource, resourceAccount, context: RequestContext.from(context) },
    policies,
    { trace: true },
  );
  return { action, resource, ...pick(d) };
}

/** The decision's fields as the trail records them (message and matched are getters on the engine's object). */
function pick(d: Decision): Omit<RecordedDecision, 'action' | 'resource'> {
  return { decision: d.decision, deniedBy: d.deniedBy, message: d.message, matched: d.matched, trace: d.trace };
}

const readBucket = policy('identity', 'arn:aws:iam::111111111111:policy/ReadB', [
  { Sid: 'ReadB', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
]);

describe('explainSummary', () => {
  it('names the allowing statement by policy id and Sid', () => {
    const s = explainSummary(decide(ALICE, 's3:GetObject', 'arn:aws:s3:::b/k', { identity: [readBucket] }));
    expect(s.headline).toBe('Allowed by: identity-based policy arn:aws:iam::111111111111:policy/ReadB statement ReadB');
    expect(s.consulted).toEqual(['identity-based']);
  });

  it('says why the root user is allowed without any policy', () => {
    const s = explainSummary(decide('arn:aws:iam::111111111111:root', 's3:GetObject', 'arn:aws:s3:::b/k', {}));
    expect(s.headline).toMatch(/^Allowed: the account's root user/);
  });

  it('says which policy type has no allow and which statement nearly applied (resource)', () => {
    const s = explainSummary(decide(ALICE, 's3:GetObject', 'arn:aws:s3:::other/k', { identity: [readBucket] }));
    expect(s.headline).toBe('Denied because: no identity-based policy allows s3:GetObject');
    expect(s.details).toContain(
      'identity-based policy arn:aws:iam::111111111111:policy/ReadB statement ReadB covers the action but not the resource (Resource arn:aws:s3:::b/*)',
    );
  });

  it('reports a failed condition of an Allow statement with both values', () => {
    const fromOffice = policy('identity', 'inline:office', [
      {
        Effect: 'Allow',
        Action: 's3:*',
        Resource: '*',
        Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      },
    ]);
    const s = explainSummary(
      decide(ALICE, 's3:GetObject', 'arn:aws:s3:::b/k', { identity: [fromOffice] }, { 'aws:SourceIp': '10.0.0.1' }),
    );
    expect(s.headline).toBe('Denied because: no identity-based policy allows s3:GetObject');
    expect(s.details.join('\n')).toContain(
      'statement #0 covers the action but condition IpAddress aws:SourceIp: request "10.0.0.1" vs policy "203.0.113.0/24"',
    );
  });

  it('says when no statement mentions the action at all', () => {
    const s = explainSummary(
      decide(ALICE, 'iam:CreateUser', 'arn:aws:iam::111111111111:user/bob', { identity: [readBucket] }),
    );
    expect(s.headline).toBe('Denied because: no identity-based policy allows iam:CreateUser');
    expect(s.details).toContain(
      'no Allow statement in identity-based policy arn:aws:iam::111111111111:policy/ReadB covers iam:CreateUser',
    );
  });

  it('says so when the caller has no identity-based policy at all', () => {
    const s = explainSummary(decide(ALICE, 's3:GetObject', 'arn:aws:s3:::b/k', {}));
    expect(s.details).toContain('no identity-based policy applies to the caller');
  });

  it('leads an explicit deny with the SCP statement and the condition values that made it apply', () => {
    const scp = policy('scp', 'arn:aws:organizations::111111111111:policy/o-abc/service_control_policy/p-abc', [
      {
        Sid: 'DenyOutsideRegions',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-east-1' } },
      },
      { Effect: 'Allow', Action: '*', Resource: '*' },
    ]);
    const s = explainSummary(
      decide(
        ALICE,
        's3:GetObject',
        'arn:aws:s3:::b/k',
        { identity: [readBucket], scp: [[scp]] },
        { 'aws:RequestedRegion': 'eu-west-1' },
      ),
    );
    expect(s.headline).toBe(
      'Denied because: explicit Deny in service control policy p-abc statement DenyOutsideRegions: condition StringNotEquals aws:RequestedRegion: request "eu-west-1" vs policy "us-east-1"',
    );
    expect(s.consulted).toEqual(['service control', 'identity-based']);
  });

  it('names the organization level where no SCP allows the action', () => {
    const full = policy('scp', 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess', [
      { Effect: 'Allow', Action: '*', Resource: '*' },
    ]);
    const onlyIam = policy('scp', 'p-iamonly', [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]);
    const s = explainSummary(
      decide(ALICE, 's3:GetObject', 'arn:aws:s3:::b/k', { identity: [readBucket], scp: [[full], [onlyIam]] }),
    );
    expect(s.headline).toBe('Denied because: no service control policy allows s3:GetObject');
    expect(s.details).toEqual([
      'service control policies: no SCP attached at level 1 of the organization path allows the request',
      'no Allow statement in the service control policies p-FullAWSAccess, p-iamonly covers s3:GetObject',
    ]);
  });

  it('explains a cross-account denial by the resource side', () => {
    const bucketPolicy = policy('s3-bucket', 'bucket-policy', [
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::333333333333:root' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::b/*',
      },
    ]);
    const bob = 'arn:aws:iam::222222222222:user/bob';
    const s = explainSummary(
      decide(bob, 's3:GetObject', 'arn:aws:s3:::b/k', { identity: [readBucket], resource: bucketPolicy }),
    );
    expect(s.headline).toBe('Denied because: no resource-based policy allows s3:GetObject');
    expect(s.details).toContain(
      "the resource belongs to account 111111111111, so its policy must grant the caller (or the caller's account)",
    );
    expect(s.details.join('\n')).toContain(
      'covers the action but not the caller (Principal AWS:arn:aws:iam::333333333333:root)',
    );
    expect(s.details).toHaveLength(2);
  });

  it("says that a role's trust policy must name the caller", () => {
    const trust = policy('trust', 'arn:aws:iam::111111111111:role/deployer', [
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:user/bob' }, Action: 'sts:AssumeRole' },
    ]);
    const d = authorize(
      {
        principal: principalFromArn(ALICE)!,
        action: 'sts:AssumeRole',
        resource: 'arn:aws:iam::111111111111:role/deployer',
        resourceAccount: '111111111111',
        context: RequestContext.from({}),
        resourcePolicyRequired: true,
      },
      { identity: [], resource: trust },
      { trace: true },
    );
    const s = explainSummary({
      action: 'sts:AssumeRole',
      resource: 'arn:aws:iam::111111111111:role/deployer',
      ...pick(d),
    });
    expect(s.headline).toBe('Denied because: no resource-based policy allows sts:AssumeRole');
    expect(s.details).toEqual([
      "a role's resource-based policy is its trust policy, which must allow the caller explicitly",
      'resource-based policy arn:aws:iam::111111111111:role/deployer statement #0 covers the action but not the caller (Principal AWS:arn:aws:iam::111111111111:user/bob)',
    ]);
  });

  it('still answers without a trace', () => {
    const d = decide(ALICE, 's3:GetObject', 'arn:aws:s3:::b/k', {});
    const s = explainSummary({ ...d, trace: undefined });
    expect(s).toEqual({
      headline: 'Denied because: no identity-based policy allows s3:GetObject',
      details: [],
      consulted: [],
    });
  });
});
