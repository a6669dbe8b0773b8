// Evaluates one policy against a request: which Deny and which Allow statements apply.

import type { TraceRecorder } from '../trace.js';
import type { PolicyTypeLabel } from '../types.js';
import type { CompiledPolicy, CompiledStatement } from './compiled-policy.js';
import { evaluateStatement, type PreparedRequest, type StatementMatch, traceStatement } from './evaluate-statement.js';

export interface StatementHit {
  readonly policy: CompiledPolicy;
  readonly type: PolicyTypeLabel;
  readonly statement: CompiledStatement;
  readonly match: StatementMatch;
}

export interface PolicyOutcome {
  readonly policy: CompiledPolicy;
  readonly type: PolicyTypeLabel;
  readonly denies: readonly StatementHit[];
  readonly allows: readonly StatementHit[];
}

const NONE: readonly StatementHit[] = [];

export function evaluatePolicy(
  policy: CompiledPolicy,
  type: PolicyTypeLabel,
  req: PreparedRequest,
  recorder: TraceRecorder | undefined,
): PolicyOutcome {
  let denies: StatementHit[] | undefined;
  let allows: StatementHit[] | undefined;
  const record = (cs: CompiledStatement, match: StatementMatch): void => {
    const hit = { policy, type, statement: cs, match };
    if (cs.statement.effect === 'Deny') {
      denies ??= [];
      denies.push(hit);
    } else {
      allows ??= [];
      allows.push(hit);
    }
  };
  if (recorder === undefined) {
    for (const cs of policy.candidates(req.lowerAction)) {
      const match = evaluateStatement(cs, req);
      if (match !== undefined) record(cs, match);
    }
  } else {
    const traces = policy.statements.map((cs) => {
      const trace = traceStatement(cs, req);
      // INVARIANT: traceStatement applies exactly when evaluateStatement returns a match.
      if (trace.applies) record(cs, evaluateStatement(cs, req)!);
      return trace;
    });
    const outcome = denies !== undefined ? 'Deny' : allows !== undefined ? 'Allow' : 'NoMatch';
    recorder.policies.push({ type, id: policy.id, statements: traces, outcome });
  }
  return { policy, type, denies: denies ?? NONE, allows: allows ?? NONE };
}
