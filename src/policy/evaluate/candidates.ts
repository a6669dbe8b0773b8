// The statements whose Action can match one action, for one policy or one group of policies: a single array
// with the Deny statements first and then the Allow statements, each in policy and document order.
//
// Each list compiles its statements' tests afresh, so the objects a decision follows are allocated together
// rather than spread across the heap among every policy's parse tree, traces and other statements. A decision
// that cycles through many principals' policies waits on memory more than it computes (docs/benchmarks.md):
// with the tests of its candidates side by side, it touches a few cache lines and pages instead of scores.

import { type CompiledStatement, compileTests, type StatementTests } from './compiled-policy.js';

/** A statement in a candidate list: its own copy of the tests, and the statement it came from. */
export interface CandidateStatement extends StatementTests {
  readonly compiled: CompiledStatement;
}

function candidateOf(cs: CompiledStatement): CandidateStatement {
  const tests = compileTests(cs.statement, cs.policy.variables);
  return {
    compiled: cs,
    resources: tests.resources,
    notResources: tests.notResources,
    principal: tests.principal,
    notPrincipal: tests.notPrincipal,
    conditions: tests.conditions,
  };
}

export class Candidates {
  private constructor(
    readonly statements: readonly CandidateStatement[],
    /** `statements[0 .. denyCount)` are the Deny statements, the rest the Allow statements. */
    readonly denyCount: number,
  ) {}

  /** Most policies have nothing for most actions: they all share one empty instance. */
  static readonly NONE = new Candidates([], 0);

  /** The candidates among `found` (in policy and document order), Deny statements first. */
  static of(found: readonly CompiledStatement[]): Candidates {
    if (found.length === 0) return Candidates.NONE;
    const denies = found.filter((cs) => cs.statement.effect === 'Deny');
    const allows = found.filter((cs) => cs.statement.effect === 'Allow');
    return new Candidates([...denies, ...allows].map(candidateOf), denies.length);
  }
}
