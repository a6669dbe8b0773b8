// One evaluateStatement() for every policy type: does this statement apply to this request, and if it
// names principals, how did it name this one? The traced variant records every element it compared.

import type { RequestContext } from '../context.js';
import { type ArnValue, arnPatternResolves, matchArnPattern } from '../match/arn-pattern.js';
import { matchPrincipal, notPrincipalExcludes, type PrincipalMatchKind } from '../match/principal-match.js';
import type { Principal } from '../principal.js';
import type { ConditionTrace, ElementTrace, StatementTrace } from '../trace.js';
import type { Statement } from '../types.js';
import type { ActionKey } from './action-key.js';
import type { CompiledCondition, CompiledStatement, StatementTests } from './compiled-policy.js';

export interface PreparedRequest {
  readonly principal: Principal;
  readonly action: string;
  readonly actionKey: ActionKey;
  readonly resource: ArnValue;
  readonly context: RequestContext;
  /** A Deny with NotPrincipal always denies principals that have a permissions boundary (IAM UG). */
  readonly hasPermissionsBoundary: boolean;
}

/** `principal` for statements with a Principal element; `applies` for the others. */
export type StatementMatch = PrincipalMatchKind | 'applies';

function resourceMatches(cs: StatementTests, req: PreparedRequest): boolean {
  if (cs.resources !== undefined) {
    for (const p of cs.resources) if (matchArnPattern(p, req.resource, req.context)) return true;
    return false;
  }
  if (cs.notResources !== undefined) {
    for (const p of cs.notResources) {
      // A variable the request cannot resolve makes the statement invalid (IAM UG, policy variables): it does not apply.
      if (!arnPatternResolves(p, req.context) || matchArnPattern(p, req.resource, req.context)) return false;
    }
  }
  return true;
}

function principalMatch(cs: StatementTests, req: PreparedRequest): StatementMatch | undefined {
  if (cs.principal !== undefined) return matchPrincipal(cs.principal, req.principal);
  if (cs.notPrincipal !== undefined) {
    if (req.hasPermissionsBoundary) return 'applies';
    return notPrincipalExcludes(cs.notPrincipal, req.principal) ? undefined : 'applies';
  }
  return 'applies';
}

export function evaluateCondition(c: CompiledCondition, context: RequestContext): boolean {
  const entry = context.get(c.lowerKey);
  const values = entry?.values;
  const absent = values === undefined || values.length === 0;
  if (c.isNull) return absent ? c.nullAcceptsAbsent : c.nullAcceptsPresent;
  const negated = c.negated;
  // A negated operator must not turn a value it cannot compute into a match: a policy variable the request cannot
  // resolve makes the statement invalid (IAM UG, policy variables), so the clause fails.
  if (negated && !c.matcher.resolves(context)) return false;
  const qualifier = c.qualifier;
  if (absent) {
    if (c.ifExists) return true;
    if (qualifier === 'ForAllValues') return true;
    if (qualifier === 'ForAnyValue') return false;
    return negated;
  }
  // INVARIANT: entry is defined when values are present.
  const e = entry!;
  if (qualifier === 'ForAllValues') {
    for (let i = 0; i < values.length; i++) if (c.matcher.test(e, i, context) === negated) return false;
    return true;
  }
  if (qualifier === 'ForAnyValue') {
    for (let i = 0; i < values.length; i++) if (c.matcher.test(e, i, context) !== negated) return true;
    return false;
  }
  // Without a set qualifier a multivalued key matches when any value does; a negated operator
  // requires that no value matches (see docs/deviations.md).
  for (let i = 0; i < values.length; i++) if (c.matcher.test(e, i, context)) return !negated;
  return negated;
}

/** The fast path: the caller has already filtered statements by action through the policy's index. */
export function evaluateStatement(cs: StatementTests, req: PreparedRequest): StatementMatch | undefined {
  if (!resourceMatches(cs, req)) return undefined;
  const match = principalMatch(cs, req);
  if (match === undefined) return undefined;
  for (const c of cs.conditions) if (!evaluateCondition(c, req.context)) return undefined;
  return match;
}

function traceCondition(c: CompiledCondition, context: RequestContext): ConditionTrace {
  const entry = context.get(c.lowerKey);
  const result = evaluateCondition(c, context);
  const requestValues = entry === undefined ? null : entry.values;
  const policyValues = c.matcher.resolved(context);
  return {
    operator: c.clause.operator,
    key: c.clause.key,
    requestValues,
    policyValues,
    result,
    reason: explainCondition(c, context, requestValues, result),
  };
}

function explainCondition(
  c: CompiledCondition,
  context: RequestContext,
  requestValues: readonly string[] | null,
  result: boolean,
): string {
  const absent = requestValues === null || requestValues.length === 0;
  if (c.spec.family === 'Null')
    return absent ? 'the key is absent from the request' : 'the key is present in the request';
  if (c.spec.negated && !c.matcher.resolves(context))
    return 'a policy variable in the values has no value in this request, so the statement cannot apply';
  if (absent) {
    if (c.clause.ifExists) return 'the key is absent, and IfExists makes an absent key match';
    if (c.clause.qualifier === 'ForAllValues') return 'the key is absent, and ForAllValues matches an absent key';
    if (c.clause.qualifier === 'ForAnyValue') return 'the key is absent, and ForAnyValue needs at least one value';
    return c.spec.negated
      ? 'the key is absent, and a negated operator matches an absent key'
      : 'the key is absent from the request, so a positive operator does not match';
  }
  return result ? `${c.clause.operator} is satisfied` : `${c.clause.operator} is not satisfied`;
}

function element(matched: boolean, negated: boolean, values: readonly string[] | undefined): ElementTrace {
  return { matched, negated, values: values ?? [] };
}

/**
 * The trace of a statement whose Action does not match: the same for every request, so it is built once per compiled
 * statement and shared (traces are read-only data).
 */
export function actionMismatchTrace(s: Statement): StatementTrace {
  return {
    index: s.index,
    sid: s.sid ?? null,
    effect: s.effect,
    action: element(false, s.notAction !== undefined, s.action ?? s.notAction),
    resource: undefined,
    principal: undefined,
    conditions: [],
    evaluated: false,
    applies: false,
  };
}

/**
 * The Action element as traced when it matches, and the Resource element when it does not and when it does: fixed
 * per statement, so built with it. Sharing them also keeps per-request trace objects apart from these long-lived
 * ones: V8 allocates objects of an allocation site whose objects tend to survive straight in the old generation,
 * which made every traced decision slower when one function built both.
 */
export interface StatementElementTraces {
  readonly actionMatched: ElementTrace;
  readonly resource: readonly [unmatched: ElementTrace, matched: ElementTrace] | undefined;
}

export function statementElementTraces(s: Statement): StatementElementTraces {
  const resourceValues = s.resource ?? s.notResource;
  const negatedResource = s.notResource !== undefined;
  return {
    actionMatched: element(true, s.notAction !== undefined, s.action ?? s.notAction),
    resource:
      resourceValues === undefined
        ? undefined
        : [element(false, negatedResource, resourceValues), element(true, negatedResource, resourceValues)],
  };
}

/**
 * The traced path: evaluates every element (even after one fails) so the trace shows all of them. For a statement
 * whose Action matches; the others have `actionMismatchTrace`.
 */
export function traceStatement(cs: CompiledStatement, req: PreparedRequest): StatementTrace {
  const s = cs.statement;
  const resourceOk = resourceMatches(cs, req);
  const hasPrincipal = cs.principal !== undefined || cs.notPrincipal !== undefined;
  const match = principalMatch(cs, req);
  const conditions = cs.conditions.map((c) => traceCondition(c, req.context));
  const applies = resourceOk && match !== undefined && conditions.every((c) => c.result);
  return {
    index: s.index,
    sid: s.sid ?? null,
    effect: s.effect,
    action: cs.elementTraces.actionMatched,
    resource: cs.elementTraces.resource?.[resourceOk ? 1 : 0],
    principal: hasPrincipal
      ? {
          matched: match !== undefined,
          negated: s.notPrincipal !== undefined,
          values: cs.principalValues,
          kind: match === 'applies' ? undefined : match,
        }
      : undefined,
    conditions,
    evaluated: true,
    applies,
  };
}

/** The Principal or NotPrincipal element as traces show it, e.g. `AWS:arn:aws:iam::111111111111:root`. */
export function principalValues(s: Statement): readonly string[] {
  const p = s.principal ?? s.notPrincipal;
  if (p === undefined) return [];
  if (p.wildcard && p.aws.length === 0) return ['*'];
  return [
    ...p.aws.map((v) => `AWS:${v}`),
    ...p.service.map((v) => `Service:${v}`),
    ...p.federated.map((v) => `Federated:${v}`),
    ...p.canonicalUser.map((v) => `CanonicalUser:${v}`),
  ];
}
