// A parsed policy turned into matchers once, with an action index so a decision only touches the
// statements whose Action can match (never re-parsing JSON on the hot path).

import { type OperatorSpec, resolveOperator, type ValueMatcher } from '../conditions/operators.js';
import {
  type ActionPattern,
  compileActionPattern,
  matchActionPattern,
  serviceOfAction,
} from '../match/action-pattern.js';
import { type ArnPattern, compileArnPattern } from '../match/arn-pattern.js';
import { intern } from '../match/intern.js';
import { type CompiledPrincipal, compilePrincipal } from '../match/principal-match.js';
import type { StatementTrace } from '../trace.js';
import type { ConditionClause, PolicyDocument, PolicyKind, Statement } from '../types.js';
import { type ActionKey, PerAction } from './action-key.js';
import { Candidates } from './candidates.js';
import {
  actionMismatchTrace,
  principalValues,
  type StatementElementTraces,
  statementElementTraces,
} from './evaluate-statement.js';

/** A condition clause with what evaluation reads copied to the top, so a decision follows no pointer to find it. */
export interface CompiledCondition {
  readonly clause: ConditionClause;
  readonly lowerKey: string;
  readonly spec: OperatorSpec;
  readonly isNull: boolean;
  readonly negated: boolean;
  readonly ifExists: boolean;
  readonly qualifier: ConditionClause['qualifier'];
  readonly matcher: ValueMatcher;
  /** For the Null operator (values are OR-ed): whether an absent key, and a present key, satisfy the clause. */
  readonly nullAcceptsAbsent: boolean;
  readonly nullAcceptsPresent: boolean;
}

/** What decides whether a statement whose Action matches applies to a request. */
export interface StatementTests {
  readonly resources: readonly ArnPattern[] | undefined;
  readonly notResources: readonly ArnPattern[] | undefined;
  readonly principal: CompiledPrincipal | undefined;
  readonly notPrincipal: CompiledPrincipal | undefined;
  readonly conditions: readonly CompiledCondition[];
}

export interface CompiledStatement extends StatementTests {
  /** The policy the statement belongs to (statement lists merged across policies name it per statement). */
  readonly policy: CompiledPolicy;
  readonly statement: Statement;
  readonly actions: readonly ActionPattern[] | undefined;
  readonly notActions: readonly ActionPattern[] | undefined;
  /** What the detailed trace shows for this statement when its Action does not match the request. */
  readonly actionMismatchTrace: StatementTrace;
  readonly elementTraces: StatementElementTraces;
  readonly principalValues: readonly string[];
}

export class CompiledPolicy {
  readonly statements: readonly CompiledStatement[];
  /** Whether `${...}` in values is a policy variable (Version 2012-10-17). */
  readonly variables: boolean;
  /** The statement traces of a request whose action no statement matches. */
  readonly actionMismatchTraces: readonly StatementTrace[];
  /** Statements indexed by the lower-cased service prefix of their Action patterns. */
  private readonly byService = new Map<string, CompiledStatement[]>();
  /** Statements that can match any service (`*`, wildcard prefixes, NotAction). */
  private readonly anyService: CompiledStatement[] = [];
  private readonly candidatesByAction = new PerAction<Candidates>();
  private readonly matchingByAction = new PerAction<readonly CompiledStatement[]>();
  /** Bound once: a closure made per lookup would be an allocation on every decision. */
  private readonly findFor = (action: ActionKey): Candidates => Candidates.of(this.statementsFor(action));
  private readonly matchFor = (action: ActionKey): readonly CompiledStatement[] => this.findMatching(action.lower);

  constructor(
    readonly kind: PolicyKind,
    /** How traces and `matched` name this policy, e.g. `identity[0]` or a policy ARN. */
    readonly id: string,
    readonly document: PolicyDocument,
  ) {
    this.variables = document.version === '2012-10-17';
    this.statements = document.statements.map((s) => compileStatement(this, s, this.variables));
    this.actionMismatchTraces = this.statements.map((cs) => cs.actionMismatchTrace);
    for (const cs of this.statements) this.index(cs);
  }

  private index(cs: CompiledStatement): void {
    const services = new Set<string>();
    if (cs.actions === undefined || cs.actions.some((a) => a.service === undefined)) {
      this.anyService.push(cs);
      return;
    }
    for (const a of cs.actions) services.add(a.service!);
    for (const service of services) {
      const list = this.byService.get(service);
      if (list === undefined) this.byService.set(service, [cs]);
      else list.push(cs);
    }
  }

  /** Statements whose Action/NotAction matches the action, in document order, denies first (memoised per action). */
  candidates(action: ActionKey): Candidates {
    return this.candidatesByAction.get(action, this.findFor);
  }

  /**
   * Statements whose Action/NotAction matches the action, in document order (memoised per action). Traces and
   * groups read these; a decision reading the policy alone reads its candidates.
   */
  statementsFor(action: ActionKey): readonly CompiledStatement[] {
    return this.matchingByAction.get(action, this.matchFor);
  }

  private findMatching(lowerAction: string): readonly CompiledStatement[] {
    const pool = [...(this.byService.get(serviceOfAction(lowerAction)) ?? []), ...this.anyService];
    return pool.filter((cs) => actionMatches(cs, lowerAction)).sort((a, b) => a.statement.index - b.statement.index);
  }
}

export function actionMatches(cs: CompiledStatement, lowerAction: string): boolean {
  if (cs.actions !== undefined) return cs.actions.some((a) => matchActionPattern(a, lowerAction));
  if (cs.notActions !== undefined) return !cs.notActions.some((a) => matchActionPattern(a, lowerAction));
  return false;
}

/** Compiles the tests of a statement: every call makes new objects (see Candidates for why that matters). */
export function compileTests(s: Statement, variables: boolean): StatementTests {
  return {
    resources: s.resource?.map((r) => compileArnPattern(r, variables)),
    notResources: s.notResource?.map((r) => compileArnPattern(r, variables)),
    principal: s.principal === undefined ? undefined : compilePrincipal(s.principal),
    notPrincipal: s.notPrincipal === undefined ? undefined : compilePrincipal(s.notPrincipal),
    conditions: s.conditions.map((c) => compileCondition(c, variables)),
  };
}

function compileStatement(policy: CompiledPolicy, s: Statement, variables: boolean): CompiledStatement {
  const tests = compileTests(s, variables);
  return {
    policy,
    statement: s,
    actions: s.action?.map(compileActionPattern),
    notActions: s.notAction?.map(compileActionPattern),
    resources: tests.resources,
    notResources: tests.notResources,
    principal: tests.principal,
    notPrincipal: tests.notPrincipal,
    conditions: tests.conditions,
    actionMismatchTrace: actionMismatchTrace(s),
    elementTraces: statementElementTraces(s),
    principalValues: principalValues(s),
  };
}

function compileCondition(clause: ConditionClause, variables: boolean): CompiledCondition {
  const resolved = resolveOperator(clause.operator);
  // INVARIANT: the parser rejected unknown operators, so the operator resolves here.
  const spec = resolved!.spec;
  return {
    clause,
    lowerKey: intern(clause.key.toLowerCase()),
    spec,
    isNull: spec.family === 'Null',
    negated: spec.negated,
    ifExists: clause.ifExists,
    qualifier: clause.qualifier,
    matcher: spec.compile(clause.values, variables && spec.variables),
    nullAcceptsAbsent: clause.values.some((v) => v.toLowerCase() === 'true'),
    nullAcceptsPresent: clause.values.some((v) => v.toLowerCase() === 'false'),
  };
}
