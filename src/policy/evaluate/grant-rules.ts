// After the explicit-deny scan: which allows a request needs. SCPs must allow at every level; then the
// resource-based policy and the principal's own policies combine by AWS's same-account and
// cross-account rules; the VPC endpoint policy filters last.

import type { TraceRecorder } from '../trace.js';
import type { DecisionKind, PolicyKind, PolicyTypeLabel } from '../types.js';
import type { AuthorizationRequest, PolicySet } from './authorize.js';
import type { PolicyOutcome, StatementHit } from './evaluate-policy.js';

export interface Outcomes {
  readonly rcp: readonly (readonly PolicyOutcome[])[] | undefined;
  readonly scp: readonly (readonly PolicyOutcome[])[] | undefined;
  readonly resource: PolicyOutcome | undefined;
  readonly identity: readonly PolicyOutcome[];
  readonly boundary: PolicyOutcome | undefined;
  readonly session: readonly PolicyOutcome[] | undefined;
  readonly vpce: PolicyOutcome | undefined;
}

export interface Verdict {
  readonly kind: DecisionKind;
  readonly deniedBy?: PolicyTypeLabel;
  readonly hits: readonly StatementHit[];
}

const MUST_ALLOW_KINDS: ReadonlySet<PolicyKind> = new Set(['trust', 'kms-key']);

type Step =
  | { readonly ok: true; readonly hits: readonly StatementHit[] }
  | { readonly ok: false; readonly type: PolicyTypeLabel };

const allowsOf = (outcomes: readonly PolicyOutcome[] | undefined): StatementHit[] =>
  (outcomes ?? []).flatMap((o) => o.allows);

function denied(type: PolicyTypeLabel): Verdict {
  return { kind: 'ImplicitDeny', deniedBy: type, hits: [] };
}

export function decideGrants(
  request: AuthorizationRequest,
  policies: PolicySet,
  outcomes: Outcomes,
  recorder: TraceRecorder | undefined,
): Verdict {
  recorder?.step(
    'resource control policies',
    outcomes.rcp === undefined ? 'not applicable' : 'pass',
    outcomes.rcp === undefined ? 'no RCPs apply to this resource and action' : 'RCPFullAWSAccess allows at every level',
  );
  const scp = scpStep(outcomes, recorder);
  if (!scp.ok) return denied(scp.type);
  const grants = grantStep(request, policies, outcomes, recorder);
  if (!grants.ok) return denied(grants.type);
  const vpce = outcomes.vpce;
  if (vpce !== undefined && vpce.allows.length === 0) {
    recorder?.step('VPC endpoint policy', 'fail', 'no statement of the VPC endpoint policy allows the request');
    return denied('VPC endpoint');
  }
  recorder?.step(
    'VPC endpoint policy',
    vpce === undefined ? 'not applicable' : 'pass',
    vpce === undefined
      ? 'the request did not come through a VPC endpoint'
      : 'the VPC endpoint policy allows the request',
  );
  return { kind: 'Allowed', hits: [...scp.hits, ...grants.hits, ...(vpce?.allows ?? [])] };
}

function scpStep(outcomes: Outcomes, recorder: TraceRecorder | undefined): Step {
  if (outcomes.scp === undefined) {
    recorder?.step('service control policies', 'not applicable', 'the principal is not subject to SCPs');
    return { ok: true, hits: [] };
  }
  const hits: StatementHit[] = [];
  for (let level = 0; level < outcomes.scp.length; level++) {
    const allows = allowsOf(outcomes.scp[level]);
    if (allows.length === 0) {
      recorder?.step(
        'service control policies',
        'fail',
        `no SCP attached at level ${level} of the organization path allows the request`,
      );
      return { ok: false, type: 'service control' };
    }
    hits.push(allows[0]!);
  }
  recorder?.step(
    'service control policies',
    'pass',
    'an SCP allows the request at every level of the organization path',
  );
  return { ok: true, hits };
}

/** The principal's own side: identity policies, then the permissions boundary, then session policies. */
function principalSide(request: AuthorizationRequest, outcomes: Outcomes, needIdentity: boolean): Step {
  const identity = allowsOf(outcomes.identity);
  if (needIdentity && identity.length === 0) return { ok: false, type: 'identity-based' };
  const limits = limitsStep(request, outcomes);
  if (!limits.ok) return limits;
  return { ok: true, hits: needIdentity ? [...identity, ...limits.hits] : limits.hits };
}

/** The permissions boundary and session policies, which cap identity and role grants. */
function limitsStep(request: AuthorizationRequest, outcomes: Outcomes): Step {
  const boundary = outcomes.boundary;
  if (boundary !== undefined && boundary.allows.length === 0) return { ok: false, type: 'permissions boundary' };
  const session = outcomes.session;
  const sessionAllows = allowsOf(session);
  // A GetFederationToken session has no permissions without a session policy; a role session without one is not limited.
  if ((session !== undefined || request.principal.type === 'FederatedUser') && sessionAllows.length === 0) {
    return { ok: false, type: 'session' };
  }
  return { ok: true, hits: [...(boundary?.allows ?? []), ...sessionAllows] };
}

function bestGrant(hits: readonly StatementHit[]): StatementHit['match'] | undefined {
  if (hits.some((h) => h.match === 'direct')) return 'direct';
  if (hits.some((h) => h.match === 'role')) return 'role';
  if (hits.some((h) => h.match === 'account')) return 'account';
  return undefined;
}

function grantStep(
  request: AuthorizationRequest,
  policies: PolicySet,
  outcomes: Outcomes,
  recorder: TraceRecorder | undefined,
): Step {
  const step =
    request.principal.account !== undefined && request.principal.account === request.resourceAccount
      ? sameAccount(request, policies, outcomes)
      : crossAccount(request, outcomes);
  recorder?.step(
    'resource-based and identity-based policies',
    step.ok ? 'pass' : 'fail',
    step.ok ? 'the policies grant the request' : `no ${step.type} policy grants the request`,
  );
  return step;
}

function sameAccount(request: AuthorizationRequest, policies: PolicySet, outcomes: Outcomes): Step {
  const resourceAllows = outcomes.resource?.allows ?? [];
  const best = bestGrant(resourceAllows);
  const mustAllow =
    request.resourcePolicyRequired ?? (policies.resource !== undefined && MUST_ALLOW_KINDS.has(policies.resource.kind));
  if (mustAllow && best === undefined) return { ok: false, type: 'resource-based' };
  // The root user holds every permission of its account (subject to SCPs, RCPs and explicit denies).
  if (request.principal.type === 'Account') return { ok: true, hits: resourceAllows };
  // A grant to the user or session itself stands alone; a grant to the role is still capped by the
  // boundary and session policies (IAM UG, "Resource-based policies and implicit denies").
  if (best === 'direct') return { ok: true, hits: resourceAllows };
  if (best === 'role') {
    const limits = limitsStep(request, outcomes);
    return limits.ok ? { ok: true, hits: [...resourceAllows, ...limits.hits] } : limits;
  }
  const side = principalSide(request, outcomes, true);
  return side.ok ? { ok: true, hits: [...resourceAllows, ...side.hits] } : side;
}

function crossAccount(request: AuthorizationRequest, outcomes: Outcomes): Step {
  const type = request.principal.type;
  let hits: readonly StatementHit[] = [];
  if (type === 'User' || type === 'AssumedRole' || type === 'FederatedUser') {
    const side = principalSide(request, outcomes, true);
    if (!side.ok) return side;
    hits = side.hits;
  }
  const resourceAllows = outcomes.resource?.allows ?? [];
  if (resourceAllows.length === 0) return { ok: false, type: 'resource-based' };
  return { ok: true, hits: [...resourceAllows, ...hits] };
}
