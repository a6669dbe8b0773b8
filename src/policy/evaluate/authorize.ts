// The AWS decision flow (IAM UG, "Policy evaluation logic" and "Cross-account policy evaluation logic"):
// explicit deny anywhere; RCPs; SCPs; the resource-based policy (with the same-account principal rules);
// identity-based policies; the permissions boundary; session policies; the VPC endpoint policy.

import { serviceSupportsRcp } from '../catalog/iam-catalog.js';
import type { RequestContext } from '../context.js';
import { ArnValue } from '../match/arn-pattern.js';
import { isServiceLinkedRole, type Principal } from '../principal.js';
import { type DecisionTrace, TraceRecorder } from '../trace.js';
import type { DecisionKind, Effect, PolicyTypeLabel } from '../types.js';
import { actionKey } from './action-key.js';
import type { CompiledPolicy } from './compiled-policy.js';
import { denialMessage, namedDenyingPolicy } from './denial-message.js';
import { collectDenies, type StatementHit, tracePolicy } from './evaluate-policy.js';
import type { PreparedRequest } from './evaluate-statement.js';
import { type Applicable, decideGrants, type Verdict } from './grant-rules.js';

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
  readonly trace?: DecisionTrace | undefined;
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
    actionKey: actionKey(request.action),
    resource: new ArnValue(request.resource),
    context: request.context,
    hasPermissionsBoundary: policies.permissionsBoundary !== undefined,
  };
  const applicable = applicablePolicies(request, policies);
  if (recorder !== undefined) traceApplicable(applicable, req, recorder);
  const verdict = explicitDeny(applicable, req, recorder) ?? decideGrants(request, policies, applicable, req, recorder);
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

/** The policies that take part in this request: organization policies by their exemptions, the principal's own policies only for IAM identities. */
function applicablePolicies(request: AuthorizationRequest, policies: PolicySet): Applicable {
  const identityBearing = IDENTITY_BEARING.has(request.principal.type);
  return {
    rcp: rcpApplies(request, policies) ? policies.rcp : undefined,
    scp: scpApplies(request.principal, policies) ? policies.scp : undefined,
    resource: policies.resource,
    identity: identityBearing ? (policies.identity ?? []) : [],
    boundary: identityBearing ? policies.permissionsBoundary : undefined,
    session: identityBearing && policies.session?.length ? policies.session : undefined,
    vpce: policies.vpcEndpoint,
  };
}

/** Calls `visit` for every applicable policy, in the order AWS names policy types in its messages. */
function eachApplicable(a: Applicable, visit: (policy: CompiledPolicy, type: PolicyTypeLabel) => void): void {
  for (const level of a.rcp ?? []) for (const p of level) visit(p, 'resource control');
  for (const level of a.scp ?? []) for (const p of level) visit(p, 'service control');
  if (a.resource !== undefined) visit(a.resource, 'resource-based');
  for (const p of a.identity) visit(p, 'identity-based');
  if (a.boundary !== undefined) visit(a.boundary, 'permissions boundary');
  for (const p of a.session ?? []) visit(p, 'session');
  if (a.vpce !== undefined) visit(a.vpce, 'VPC endpoint');
}

function traceApplicable(a: Applicable, req: PreparedRequest, recorder: TraceRecorder): void {
  eachApplicable(a, (policy, type) => tracePolicy(policy, type, req, recorder));
}

function explicitDeny(a: Applicable, req: PreparedRequest, recorder: TraceRecorder | undefined): Verdict | undefined {
  // The same order as eachApplicable, written out: this runs on every request.
  const hits: StatementHit[] = [];
  if (a.rcp !== undefined) for (const level of a.rcp) collectDenies(level, 'resource control', req, hits);
  if (a.scp !== undefined) for (const level of a.scp) collectDenies(level, 'service control', req, hits);
  if (a.resource !== undefined) collectDenies(a.resource, 'resource-based', req, hits);
  collectDenies(a.identity, 'identity-based', req, hits);
  if (a.boundary !== undefined) collectDenies(a.boundary, 'permissions boundary', req, hits);
  if (a.session !== undefined) collectDenies(a.session, 'session', req, hits);
  if (a.vpce !== undefined) collectDenies(a.vpce, 'VPC endpoint', req, hits);
  const first = hits[0];
  if (first === undefined) {
    recorder?.step('explicit deny', 'pass', 'no applicable policy has a matching Deny statement');
    return undefined;
  }
  recorder?.step('explicit deny', 'fail', `a Deny statement in the ${first.type} policy ${first.policy.id} applies`);
  return { kind: 'ExplicitDeny', deniedBy: first.type, hits };
}

function matchedOf(hits: readonly StatementHit[]): MatchedStatement[] {
  const out: MatchedStatement[] = [];
  // A statement can be hit twice (an SCP level and a later step); hits are few, so a linear check is cheapest.
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    if (hits.findIndex((o) => o.statement === h.statement) !== i) continue;
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
  return new LazyDecision(request, verdict, recorder === undefined ? undefined : buildTrace(request, recorder));
}

/**
 * A decision whose message and matched list are built on first read: most allowed requests never read
 * them. A class rather than an object literal with getters, which V8 creates on a slow path.
 */
class LazyDecision implements Decision {
  readonly decision: DecisionKind;
  readonly deniedBy: PolicyTypeLabel | null;
  private messageText: string | undefined;
  private matchedList: MatchedStatement[] | undefined;

  constructor(
    private readonly request: AuthorizationRequest,
    private readonly verdict: Verdict,
    readonly trace: DecisionTrace | undefined,
  ) {
    this.decision = verdict.kind;
    this.deniedBy = verdict.kind === 'Allowed' ? null : verdict.deniedBy!;
  }

  get message(): string {
    this.messageText ??= messageOf(this.request, this.verdict);
    return this.messageText;
  }

  get matched(): readonly MatchedStatement[] {
    this.matchedList ??= matchedOf(this.verdict.hits);
    return this.matchedList;
  }
}

function messageOf(request: AuthorizationRequest, verdict: Verdict): string {
  const principalArn = request.principal.arn;
  if (verdict.kind === 'Allowed') {
    return `Allowed: ${principalArn} may perform ${request.action}${request.resource === '*' ? '' : ` on ${request.resource}`}`;
  }
  const explicit = verdict.kind === 'ExplicitDeny';
  const denying = explicit ? verdict.hits[0] : undefined;
  const named = denying && namedDenyingPolicy(denying.type, denying.policy.id, sameOrganization(request));
  return denialMessage(principalArn, request.action, request.resource, explicit, verdict.deniedBy!, named);
}

/** Whether the caller and the resource are in one account, or in one organization by the context's org ids. */
function sameOrganization(request: AuthorizationRequest): boolean {
  if (request.principal.account !== undefined && request.principal.account === request.resourceAccount) return true;
  const principalOrg = request.context.single('aws:principalorgid');
  return principalOrg !== undefined && principalOrg === request.context.single('aws:resourceorgid');
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
