// Grants as the third authorization path of KMS, after the key policy and IAM. When the engine denies implicitly
// because no key policy or IAM statement allows, an active grant to the caller for the operation allows instead.
// Explicit denies anywhere, and implicit denies by SCPs, RCPs, permissions boundaries or session policies, stand.
//
// The replacing decision is what the trail records: `matched` names the grant as policy `kms-grant:<grant id>`
// (statement id: the grant's name, or its id), and the trace gains a final `KMS grant` step saying which grant allowed.
import type { Decision, PolicyTypeLabel } from '../../../policy/index.js';
import type { Caller } from '../../types.js';
import type { GrantRecord } from '../repos/grants.js';
import { type GrantRequest, grantAllows, granteeMatches } from './grant-match.js';

const GRANTS_MAY_REPLACE: ReadonlySet<PolicyTypeLabel> = new Set(['resource-based', 'identity-based']);

export function grantFallback(
  grants: () => readonly GrantRecord[],
  caller: Caller,
  request: GrantRequest,
): (decision: Decision) => Decision | undefined {
  return fallback(caller, () => grants().find((g) => grantAllows(g, caller, request)));
}

/**
 * RetireGrant is decided by the grant itself: its retiring principal, and its grantee when the grant includes
 * the RetireGrant operation, may retire it without any policy allowing kms:RetireGrant.
 */
export function retireFallback(grant: GrantRecord, caller: Caller): (decision: Decision) => Decision | undefined {
  const named =
    (grant.retiring !== undefined && granteeMatches(grant.retiring, caller, grant.principalIds)) ||
    (grant.operations.includes('RetireGrant') && granteeMatches(grant.grantee, caller, grant.principalIds));
  return fallback(caller, () => (named ? grant : undefined));
}

function fallback(caller: Caller, find: () => GrantRecord | undefined): (decision: Decision) => Decision | undefined {
  return (decision) => {
    if (decision.deniedBy === null || !GRANTS_MAY_REPLACE.has(decision.deniedBy)) return undefined;
    const grant = find();
    return grant === undefined ? undefined : allowedByGrant(decision, grant, caller);
  };
}

function allowedByGrant(denied: Decision, grant: GrantRecord, caller: Caller): Decision {
  const trace = denied.trace;
  const detail = `grant ${grant.id} gives ${grant.grantee} ${grant.operations.join(', ')}`;
  return {
    decision: 'Allowed',
    deniedBy: null,
    message: `Allowed: ${caller.principal.arn} may perform ${trace?.action ?? 'the operation'} by grant ${grant.id}`,
    matched: [
      {
        policyType: 'resource-based',
        policyId: `kms-grant:${grant.id}`,
        statementIndex: 0,
        sid: grant.name ?? grant.id,
        effect: 'Allow',
      },
    ],
    trace: trace && { ...trace, steps: [...trace.steps, { step: 'KMS grant', outcome: 'pass', detail }] },
  };
}
