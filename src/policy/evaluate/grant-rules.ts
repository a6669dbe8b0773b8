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

const MUST_ALLOW_KINDS: ReadonlySet<PolicyKind> = new Set(['trust', 'kms-key']);

type Step =
  | { readonly ok: true; readonly hits: readonly StatementHit[] }
  | { readonly ok: false; readonly type: PolicyTypeLabel };

const fail = (type: PolicyTypeLabel): Step => ({ ok: false, type });

function granted(...hits: (StatementHit | undefined)[]): Step {
  const out: StatementHit[] = [];
  for (const h of hits) if (h !== undefined) out.push(h);
  return { ok: true, hits: out };
}

/** `first` (a grant) followed by `then`, failing when `then` fails. */
function join(first: readonly StatementHit[], then: Step): Step {
  return then.ok ? { ok: true, hits: [...first, ...then.hits] } : then;
}

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
  const scp = scpStep(applicable, req, recorder);
  if (!scp.ok) return { kind: 'ImplicitDeny', deniedBy: scp.type, hits: [] };
  const grants = grantStep(request, policies, applicable, req, recorder);
  if (!grants.ok) return { kind: 'ImplicitDeny', deniedBy: grants.type, hits: [] };
  const vpce = applicable.vpce === undefined ? undefined : firstAllow([applicable.vpce], 'VPC endpoint', req);
  if (applicable.vpce !== undefined && vpce === undefined) {
    recorder?.step('VPC endpoint policy', 'fail', 'no statement of the VPC endpoint policy allows the request');
    return { kind: 'ImplicitDeny', deniedBy: 'VPC endpoint', hits: [] };
  }
  recorder?.step(
    'VPC endpoint policy',
    vpce === undefined ? 'not applicable' : 'pass',
    vpce === undefined
      ? 'the request did not come through a VPC endpoint'
      : 'the VPC endpoint policy allows the request',
  );
  const hits = [...scp.hits, ...grants.hits];
  if (vpce !== undefined) hits.push(vpce);
  return { kind: 'Allowed', hits };
}

function scpStep(applicable: Applicable, req: PreparedRequest, recorder: TraceRecorder | undefined): Step {
  if (applicable.scp === undefined) {
    recorder?.step('service control policies', 'not applicable', 'the principal is not subject to SCPs');
    return granted();
  }
  const hits: StatementHit[] = [];
  for (let level = 0; level < applicable.scp.length; level++) {
    const allow = firstAllow(applicable.scp[level]!, 'service control', req);
    if (allow === undefined) {
      recorder?.step(
        'service control policies',
        'fail',
        `no SCP attached at level ${level} of the organization path allows the request`,
      );
      return fail('service control');
    }
    hits.push(allow);
  }
  recorder?.step(
    'service control policies',
    'pass',
    'an SCP allows the request at every level of the organization path',
  );
  return { ok: true, hits };
}

/** The permissions boundary and session policies, which cap identity and role grants. */
function limitsStep(request: AuthorizationRequest, applicable: Applicable, req: PreparedRequest): Step {
  const boundary =
    applicable.boundary === undefined ? undefined : firstAllow([applicable.boundary], 'permissions boundary', req);
  if (applicable.boundary !== undefined && boundary === undefined) return fail('permissions boundary');
  // A GetFederationToken session has no permissions without a session policy; a role session without one is not limited.
  const needsSession = applicable.session !== undefined || request.principal.type === 'FederatedUser';
  const session = needsSession ? firstAllow(applicable.session ?? [], 'session', req) : undefined;
  if (needsSession && session === undefined) return fail('session');
  return granted(boundary, session);
}

/** The principal's own side: identity policies, then the permissions boundary, then session policies. */
function principalSide(request: AuthorizationRequest, applicable: Applicable, req: PreparedRequest): Step {
  const identity = firstAllow(applicable.identity, 'identity-based', req);
  if (identity === undefined) return fail('identity-based');
  return join([identity], limitsStep(request, applicable, req));
}

function grantStep(
  request: AuthorizationRequest,
  policies: PolicySet,
  applicable: Applicable,
  req: PreparedRequest,
  recorder: TraceRecorder | undefined,
): Step {
  const p = request.principal;
  const step =
    p.account !== undefined && p.account === request.resourceAccount
      ? sameAccount(request, policies, applicable, req)
      : crossAccount(request, applicable, req);
  recorder?.step(
    'resource-based and identity-based policies',
    step.ok ? 'pass' : 'fail',
    step.ok ? 'the policies grant the request' : `no ${step.type} policy grants the request`,
  );
  return step;
}

function sameAccount(
  request: AuthorizationRequest,
  policies: PolicySet,
  applicable: Applicable,
  req: PreparedRequest,
): Step {
  const grant = applicable.resource === undefined ? undefined : bestAllow(applicable.resource, req);
  const mustAllow =
    request.resourcePolicyRequired ?? (policies.resource !== undefined && MUST_ALLOW_KINDS.has(policies.resource.kind));
  if (mustAllow && grant === undefined) return fail('resource-based');
  // The root user holds every permission of its account (subject to SCPs, RCPs and explicit denies).
  if (request.principal.type === 'Account') return granted(grant);
  // A grant to the user or session itself stands alone; a grant to the role is still capped by the
  // boundary and session policies (IAM UG, "Resource-based policies and implicit denies").
  if (grant?.match === 'direct') return granted(grant);
  if (grant?.match === 'role') return join([grant], limitsStep(request, applicable, req));
  return join(grant === undefined ? [] : [grant], principalSide(request, applicable, req));
}

function crossAccount(request: AuthorizationRequest, applicable: Applicable, req: PreparedRequest): Step {
  const type = request.principal.type;
  const side =
    type === 'User' || type === 'AssumedRole' || type === 'FederatedUser'
      ? principalSide(request, applicable, req)
      : granted();
  if (!side.ok) return side;
  const grant = applicable.resource === undefined ? undefined : bestAllow(applicable.resource, req);
  if (grant === undefined) return fail('resource-based');
  return join([grant], side);
}
