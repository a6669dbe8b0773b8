// Evaluates policies against a request. Deny statements are always all checked (any one decides);
// Allow statements only as far as the decision needs: the first that applies, or for a resource-based
// policy the most direct grant. The traced variant evaluates and records every statement.

import type { TraceRecorder } from '../trace.js';
import type { PolicyTypeLabel } from '../types.js';
import type { ActionKey } from './action-key.js';
import type { Candidates } from './candidates.js';
import { CompiledPolicy, type CompiledStatement } from './compiled-policy.js';
import { evaluateStatement, type PreparedRequest, type StatementMatch, traceStatement } from './evaluate-statement.js';
import { candidatesOfGroup } from './policy-group.js';

export interface StatementHit {
  readonly policy: CompiledPolicy;
  readonly type: PolicyTypeLabel;
  readonly statement: CompiledStatement;
  readonly match: StatementMatch;
}

function hitOf(statement: CompiledStatement, type: PolicyTypeLabel, match: StatementMatch): StatementHit {
  return { policy: statement.policy, type, statement, match };
}

/** One policy, or several read together (identity policies, an SCP level) whose candidates are merged. */
export type PolicySource = CompiledPolicy | readonly CompiledPolicy[];

function candidatesFor(source: PolicySource, action: ActionKey): Candidates {
  return source instanceof CompiledPolicy ? source.candidates(action) : candidatesOfGroup(source, action);
}

/** Appends every applying Deny statement of `source` to `into`. */
export function collectDenies(
  source: PolicySource,
  type: PolicyTypeLabel,
  req: PreparedRequest,
  into: StatementHit[],
): void {
  const { statements, denyCount } = candidatesFor(source, req.actionKey);
  for (let i = 0; i < denyCount; i++) {
    const candidate = statements[i]!;
    const match = evaluateStatement(candidate, req);
    if (match !== undefined) into.push(hitOf(candidate.compiled, type, match));
  }
}

/** The first applying Allow statement of `source`, in policy and document order. */
export function firstAllow(
  source: PolicySource,
  type: PolicyTypeLabel,
  req: PreparedRequest,
): StatementHit | undefined {
  const { statements, denyCount } = candidatesFor(source, req.actionKey);
  for (let i = denyCount; i < statements.length; i++) {
    const candidate = statements[i]!;
    const match = evaluateStatement(candidate, req);
    if (match !== undefined) return hitOf(candidate.compiled, type, match);
  }
  return undefined;
}

const GRANT_RANK: Readonly<Record<StatementMatch, number>> = { direct: 3, applies: 3, role: 2, account: 1 };

/** The Allow statement of a resource-based policy that names the principal most directly (user/session > role > account). */
export function bestAllow(policy: CompiledPolicy, req: PreparedRequest): StatementHit | undefined {
  let best: StatementHit | undefined;
  const { statements, denyCount } = policy.candidates(req.actionKey);
  for (let i = denyCount; i < statements.length; i++) {
    const candidate = statements[i]!;
    const match = evaluateStatement(candidate, req);
    if (match === undefined || (best !== undefined && GRANT_RANK[match] <= GRANT_RANK[best.match])) continue;
    best = hitOf(candidate.compiled, 'resource-based', match);
    if (GRANT_RANK[match] === 3) break;
  }
  return best;
}

/** Evaluates every statement of `policy` and records it in the trace (explain's view; not the hot path). */
export function tracePolicy(
  policy: CompiledPolicy,
  type: PolicyTypeLabel,
  req: PreparedRequest,
  recorder: TraceRecorder,
): void {
  const matching = policy.statementsFor(req.actionKey);
  // Most policies have no statement for the action: their statement traces are all the shared mismatch traces.
  let statements = policy.actionMismatchTraces;
  if (matching.length > 0) {
    const traced = statements.slice();
    // INVARIANT: a statement's index is its position in its policy's statements.
    for (const cs of matching) traced[cs.statement.index] = traceStatement(cs, req);
    statements = traced;
  }
  let outcome: 'Deny' | 'Allow' | 'NoMatch' = 'NoMatch';
  for (const s of statements) {
    if (!s.applies) continue;
    outcome = s.effect;
    if (outcome === 'Deny') break;
  }
  recorder.policies.push({ type, id: policy.id, statements, outcome });
}
