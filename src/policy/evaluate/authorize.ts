// The AWS decision flow (IAM UG, "Policy evaluation logic" and "Cross-account policy evaluation logic"):
// explicit deny anywhere; RCPs; SCPs; the resource-based policy (with the same-account principal rules);
// identity-based policies; the permissions boundary; session policies; the VPC endpoint policy.

import { serviceSupportsRcp } from '../catalog/iam-catalog.js';
import type { RequestContext } from '../context.js';
import { splitArn } from '../match/arn-pattern.js';
import { isServiceLinkedRole, type Principal } from '../principal.js';
import { type DecisionTrace, TraceRecorder } from '../trace.js';
import type { DecisionKind, Effect, PolicyTypeLabel } from '../types.js';
import type { CompiledPolicy } from './compiled-policy.js';
import { denialMessage } from './denial-message.js';
import { evaluatePolicy, type PolicyOutcome, type StatementHit } from './evaluate-policy.js';
import type { PreparedRequest } from './evaluate-statement.js';
import { decideGrants, type Outcomes, type Verdict } from './grant-rules.js';

export interface PolicySet {
  readonly identity?: readonly CompiledPolicy[] | undefined;
  readonly resource?: CompiledPolicy | undefined;
  readonly permissionsBoundary?: CompiledPolicy | undefined;
  /** Session policies of the caller's session (inline and managed together). */
  readonly session?: readonly CompiledPolicy[] | undefined;
  /** The principal's SCPs, one array per level root → OUs → account; undefined outside an organization. */
  readonly scp?: readonly (readonly CompiledPolicy[])[] | undefined;
  /** The resource account's customer RCPs per level; RCPFullAWSAccess is implied at every level. */
  readonly rcp?: readonly (readonly CompiledPolicy[])[] | undefined;
  readonly vpcEndpoint?: CompiledPolicy | undefined;
}

export interface AuthorizationRequest {
  readonly principal: Principal;
  readonly action: string;
  /** The resource ARN, or `*` for actions without a resource type. */
  readonly resource: string;
  /** The account that owns the resource; undefined when it has none. */
  readonly resourceAccount: string | undefined;
  readonly context: RequestContext;
  /** Role trust and KMS key policies must allow explicitly; defaults from the resource policy's kind. */
  readonly resourcePolicyRequired?: boolean;
  /** Resources RCPs never cover, such as AWS managed KMS keys. */
  readonly rcpExempt?: boolean;
}

export interface MatchedStatement {
  readonly policyType: PolicyTypeLabel;
  readonly policyId: string;
  readonly statementIndex: number;
  readonly sid: string | null;
  readonly effect: Effect;
}

export interface Decision {
  readonly decision: DecisionKind;
  /** The policy type AWS names in its message; null when allowed. */
  readonly deniedBy: PolicyTypeLabel | null;
  readonly message: string;
  /** The deciding statements: the allowing ones, or the denying ones for an explicit deny. */
  readonly matched: readonly MatchedStatement[];
  readonly trace?: DecisionTrace;
}

export interface AuthorizeOptions {
  readonly trace?: boolean;
}

const IDENTITY_BEARING = new Set(['User', 'AssumedRole', 'FederatedUser']);

export function authorize(
  request: AuthorizationRequest,
  policies: PolicySet,
  options: AuthorizeOptions = {},
): Decision {
  const recorder = options.trace === true ? new TraceRecorder() : undefined;
  const req: PreparedRequest = {
    principal: request.principal,
    action: request.action,
    lowerAction: request.action.toLowerCase(),
    resource: request.resource,
    resourceParts: splitArn(request.resource),
    context: request.context,
    hasPermissionsBoundary: policies.permissionsBoundary !== undefined,
  };
  const outcomes = evaluateAll(request, policies, req, recorder);
  const verdict = firstExplicitDeny(outcomes, recorder) ?? decideGrants(request, policies, outcomes, recorder);
  return toDecision(request, verdict, recorder);
}

function rcpApplies(request: AuthorizationRequest, policies: PolicySet): boolean {
  if (policies.rcp === undefined || request.rcpExempt === true) return false;
  const lower = request.action.toLowerCase();
  // kms:RetireGrant is never restricted by an RCP (KMS DG, RCPs), nor are service-linked roles.
  if (lower === 'kms:retiregrant' || isServiceLinkedRole(request.principal)) return false;
  return serviceSupportsRcp(lower.slice(0, Math.max(0, lower.indexOf(':'))));
}

function scpApplies(principal: Principal, policies: PolicySet): boolean {
  if (policies.scp === undefined) return false;
  return (IDENTITY_BEARING.has(principal.type) || principal.type === 'Account') && !isServiceLinkedRole(principal);
}

function evaluateAll(
  request: AuthorizationRequest,
  policies: PolicySet,
  req: PreparedRequest,
  recorder: TraceRecorder | undefined,
): Outcomes {
  const one = (p: CompiledPolicy, type: PolicyTypeLabel): PolicyOutcome => evaluatePolicy(p, type, req, recorder);
  const levels = (ls: readonly (readonly CompiledPolicy[])[], type: PolicyTypeLabel): PolicyOutcome[][] =>
    ls.map((level) => level.map((p) => one(p, type)));
  const identityBearing = IDENTITY_BEARING.has(request.principal.type);
  return {
    rcp: rcpApplies(request, policies) ? levels(policies.rcp!, 'resource control') : undefined,
    scp: scpApplies(request.principal, policies) ? levels(policies.scp!, 'service control') : undefined,
    resource: policies.resource === undefined ? undefined : one(policies.resource, 'resource-based'),
    identity: identityBearing ? (policies.identity ?? []).map((p) => one(p, 'identity-based')) : [],
    boundary:
      identityBearing && policies.permissionsBoundary !== undefined
        ? one(policies.permissionsBoundary, 'permissions boundary')
        : undefined,
    session: identityBearing && policies.session?.length ? policies.session.map((p) => one(p, 'session')) : undefined,
    vpce: policies.vpcEndpoint === undefined ? undefined : one(policies.vpcEndpoint, 'VPC endpoint'),
  };
}

function firstExplicitDeny(outcomes: Outcomes, recorder: TraceRecorder | undefined): Verdict | undefined {
  const ordered: (PolicyOutcome | undefined)[] = [
    ...(outcomes.rcp ?? []).flat(),
    ...(outcomes.scp ?? []).flat(),
    outcomes.resource,
    ...outcomes.identity,
    outcomes.boundary,
    ...(outcomes.session ?? []),
    outcomes.vpce,
  ];
  const denying = ordered.filter((o): o is PolicyOutcome => o !== undefined && o.denies.length > 0);
  if (denying.length === 0) {
    recorder?.step('explicit deny', 'pass', 'no applicable policy has a matching Deny statement');
    return undefined;
  }
  const first = denying[0]!;
  recorder?.step('explicit deny', 'fail', `a Deny statement in the ${first.type} policy ${first.policy.id} applies`);
  return { kind: 'ExplicitDeny', deniedBy: first.type, hits: denying.flatMap((o) => o.denies) };
}

function matchedOf(hits: readonly StatementHit[]): MatchedStatement[] {
  const seen = new Set<StatementHit['statement']>();
  const out: MatchedStatement[] = [];
  for (const h of hits) {
    if (seen.has(h.statement)) continue;
    seen.add(h.statement);
    out.push({
      policyType: h.type,
      policyId: h.policy.id,
      statementIndex: h.statement.statement.index,
      sid: h.statement.statement.sid ?? null,
      effect: h.statement.statement.effect,
    });
  }
  return out;
}

function toDecision(request: AuthorizationRequest, verdict: Verdict, recorder: TraceRecorder | undefined): Decision {
  const principalArn = request.principal.arn;
  const message =
    verdict.kind === 'Allowed'
      ? `Allowed: ${principalArn} may perform ${request.action}${request.resource === '*' ? '' : ` on ${request.resource}`}`
      : denialMessage(
          principalArn,
          request.action,
          request.resource,
          verdict.kind === 'ExplicitDeny',
          verdict.deniedBy!,
        );
  const decision: Decision = {
    decision: verdict.kind,
    deniedBy: verdict.kind === 'Allowed' ? null : verdict.deniedBy!,
    message,
    matched: matchedOf(verdict.hits),
  };
  if (recorder === undefined) return decision;
  return { ...decision, trace: buildTrace(request, recorder) };
}

function buildTrace(request: AuthorizationRequest, recorder: TraceRecorder): DecisionTrace {
  const p = request.principal;
  return {
    principal: p.arn,
    action: request.action,
    resource: request.resource,
    resourceAccount: request.resourceAccount ?? null,
    crossAccount: p.account === undefined || p.account !== request.resourceAccount,
    context: request.context.toJSON(),
    steps: recorder.steps,
    policies: recorder.policies,
  };
}
