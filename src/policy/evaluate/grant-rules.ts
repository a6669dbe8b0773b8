// After the explicit-deny scan: which allows a request needs. SCPs must allow at every level; then the
// resource-based policy and the principal's own policies combine by AWS's same-account and
// cross-account rules; the VPC endpoint policy filters last. Allows are looked up lazily, only
// as far as each step needs.

import type { TraceRecorder } from '../trace.js';
import type { DecisionKind, PolicyKind, PolicyTypeLabel } from '../types.js';
import type { AuthorizationRequest, PolicySet } from './authorize.js';
import type { CompiledPolicy } from './compiled-policy.js';
import { bestAllow, firstAllow, type StatementHit } from './evaluate-policy.js';
import type { PreparedRequest } from './evaluate-statement.js';

/** The policies that take part in a request, after exemptions (SCPs for service-linked roles, ...). */
export interface Applicable {
  readonly rcp: readonly (readonly CompiledPolicy[])[] | undefined;
  readonly scp: readonly (readonly CompiledPolicy[])[] | undefined;
  readonly resource: CompiledPolicy | undefined;
  readonly identity: readonly CompiledPolicy[];
  readonly boundary: CompiledPolicy | undefined;
  readonly session: readonly CompiledPolicy[] | undefined;
  readonly vpce: CompiledPolicy | undefined;
}

export interface Verdict {
  readonly kind: DecisionKind;
  readonly deniedBy?: PolicyTypeLabel;
  readonly hits: readonly StatementHit[];
}

const NO_POLICIES: readonly CompiledPolicy[] = [];
const MUST_ALLOW_KINDS: ReadonlySet<PolicyKind> = new Set(['trust', 'kms-key']);

/**
 * Each step appends the statements that grant the request to `hits` and returns the policy type that
 * failed to grant, or undefined; no per-step objects, as this runs on every request.
 */
type Failure = PolicyTypeLabel | undefined;

const NO_HITS: readonly StatementHit[] = Object.freeze([]);

export function decideGrants(
  request: AuthorizationRequest,
  policies: PolicySet,
  applicable: Applicable,
  req: PreparedRequest,
  recorder: TraceRecorder | undefined,
): Verdict {
  recorder?.step(
    'resource control policies',
    applicable.rcp === undefined ? 'not applicable' : 'pass',
    applicable.rcp === undefined
      ? 'no RCPs apply to this resource and action'
      : 'RCPFullAWSAccess allows at every level',
  );
  const hits: StatementHit[] = [];
  const failed =
    scpStep(applicable, req, recorder, hits) ?? grantStep(request, policies, applicable, req, recorder, hits);
  if (failed !== undefined) return { kind: 'ImplicitDeny', deniedBy: failed, hits: NO_HITS };
  const vpce = applicable.vpce === undefined ? undefined : firstAllow(applicable.vpce, 'VPC endpoint', req);
  if (applicable.vpce !== undefined && vpce === undefined) {
    recorder?.step('VPC endpoint policy', 'fail', 'no statement of the VPC endpoint policy allows the request');
    return { kind: 'ImplicitDeny', deniedBy: 'VPC endpoint', hits: NO_HITS };
  }
  recorder?.step(
    'VPC endpoint policy',
    vpce === undefined ? 'not applicable' : 'pass',
    vpce === undefined
      ? 'the request did not come through a VPC endpoint'
      : 'the VPC endpoint policy allows the request',
  );
  if (vpce !== undefined) hits.push(vpce);
  return { kind: 'Allowed', hits };
}

function scpStep(
  applicable: Applicable,
  req: PreparedRequest,
  recorder: TraceRecorder | undefined,
  hits: StatementHit[],
): Failure {
  if (applicable.scp === undefined) {
    recorder?.step('service control policies', 'not applicable', 'the principal is not subject to SCPs');
    return undefined;
  }
  for (let level = 0; level < applicable.scp.length; level++) {
    const allow = firstAllow(applicable.scp[level]!, 'service control', req);
    if (allow === undefined) {
      recorder?.step(
        'service control policies',
        'fail',
        `no SCP attached at level ${level} of the organization path allows the request`,
      );
      return 'service control';
    }
    hits.push(allow);
  }
  recorder?.step(
    'service control policies',
    'pass',
    'an SCP allows the request at every level of the organization path',
  );
  return undefined;
}

/** The permissions boundary and session policies, which cap identity and role grants. */
function limitsStep(
  request: AuthorizationRequest,
  applicable: Applicable,
  req: PreparedRequest,
  hits: StatementHit[],
): Failure {
  if (applicable.boundary !== undefined) {
    const boundary = firstAllow(applicable.boundary, 'permissions boundary', req);
    if (boundary === undefined) return 'permissions boundary';
    hits.push(boundary);
  }
  // A GetFederationToken session has no permissions without a session policy; a role session without one is not limited.
  if (applicable.session !== undefined || request.principal.type === 'FederatedUser') {
    const session = firstAllow(applicable.session ?? NO_POLICIES, 'session', req);
    if (session === undefined) return 'session';
    hits.push(session);
  }
  return undefined;
}

/** The principal's own side: identity policies, then the permissions boundary, then session policies. */
function principalSide(
  request: AuthorizationRequest,
  applicable: Applicable,
  req: PreparedRequest,
  hits: StatementHit[],
): Failure {
  const identity = firstAllow(applicable.identity, 'identity-based', req);
  if (identity === undefined) return 'identity-based';
  hits.push(identity);
  return limitsStep(request, applicable, req, hits);
}

function grantStep(
  request: AuthorizationRequest,
  policies: PolicySet,
  applicable: Applicable,
  req: PreparedRequest,
  recorder: TraceRecorder | undefined,
  hits: StatementHit[],
): Failure {
  const p = request.principal;
  const failed =
    p.account !== undefined && p.account === request.resourceAccount
      ? sameAccount(request, policies, applicable, req, hits)
      : crossAccount(request, applicable, req, hits);
  recorder?.step(
    'resource-based and identity-based policies',
    failed === undefined ? 'pass' : 'fail',
    failed === undefined ? 'the policies grant the request' : `no ${failed} policy grants the request`,
  );
  return failed;
}

function sameAccount(
  request: AuthorizationRequest,
  policies: PolicySet,
  applicable: Applicable,
  req: PreparedRequest,
  hits: StatementHit[],
): Failure {
  const grant = applicable.resource === undefined ? undefined : bestAllow(applicable.resource, req);
  const mustAllow =
    request.resourcePolicyRequired ?? (policies.resource !== undefined && MUST_ALLOW_KINDS.has(policies.resource.kind));
  if (mustAllow && grant === undefined) return 'resource-based';
  if (grant !== undefined) hits.push(grant);
  // The root user holds every permission of its account (subject to SCPs, RCPs and explicit denies).
  if (request.principal.type === 'Account') return undefined;
  // A grant to the user or session itself stands alone; a grant to the role is still capped by the
  // boundary and session policies (IAM UG, "Resource-based policies and implicit denies").
  if (grant?.match === 'direct') return undefined;
  if (grant?.match === 'role') return limitsStep(request, applicable, req, hits);
  return principalSide(request, applicable, req, hits);
}

function crossAccount(
  request: AuthorizationRequest,
  applicable: Applicable,
  req: PreparedRequest,
  hits: StatementHit[],
): Failure {
  const type = request.principal.type;
  // The resource policy's grant is listed first, as in the same-account case, though the principal's side is checked first.
  const at = hits.length;
  if (type === 'User' || type === 'AssumedRole' || type === 'FederatedUser') {
    const failed = principalSide(request, applicable, req, hits);
    if (failed !== undefined) return failed;
  }
  const grant = applicable.resource === undefined ? undefined : bestAllow(applicable.resource, req);
  if (grant === undefined) return 'resource-based';
  hits.splice(at, 0, grant);
  return undefined;
}
