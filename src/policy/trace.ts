// The detailed trace of a decision: every policy considered, every statement, and for each element and
// condition key the values compared and why they matched or not. Built only on demand.

import type { PrincipalMatchKind } from './match/principal-match.js';
import type { Effect, PolicyTypeLabel } from './types.js';

export interface ConditionTrace {
  readonly operator: string;
  readonly key: string;
  /** The request's values for the key; `null` when the key is absent from the request. */
  readonly requestValues: readonly string[] | null;
  /** The policy's values as compared (policy variables resolved). */
  readonly policyValues: readonly string[];
  readonly result: boolean;
  readonly reason: string;
}

export interface ElementTrace {
  readonly matched: boolean;
  /** True for NotAction / NotResource / NotPrincipal. */
  readonly negated: boolean;
  readonly values: readonly string[];
}

export interface StatementTrace {
  readonly index: number;
  readonly sid: string | null;
  readonly effect: Effect;
  readonly action: ElementTrace;
  /** Absent when the statement has no Resource/NotResource (trust policies). */
  readonly resource: ElementTrace | undefined;
  /** Absent in policies without a Principal element. */
  readonly principal: (ElementTrace & { readonly kind: PrincipalMatchKind | undefined }) | undefined;
  readonly conditions: readonly ConditionTrace[];
  /** False when the Action did not match: the other elements were not compared, as that alone rules the statement out. */
  readonly evaluated: boolean;
  readonly applies: boolean;
}

export interface PolicyTrace {
  readonly type: PolicyTypeLabel;
  readonly id: string;
  readonly statements: readonly StatementTrace[];
  /** Deny if a Deny statement applies, else Allow if an Allow statement applies, else NoMatch. */
  readonly outcome: 'Deny' | 'Allow' | 'NoMatch';
}

export interface StepTrace {
  /** The evaluation step, in AWS's order. */
  readonly step: string;
  readonly outcome: 'pass' | 'fail' | 'not applicable';
  readonly detail: string;
}

export interface DecisionTrace {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount: string | null;
  readonly crossAccount: boolean;
  readonly context: Readonly<Record<string, string | readonly string[]>>;
  readonly steps: readonly StepTrace[];
  readonly policies: readonly PolicyTrace[];
}

/** Collects per-policy traces and flow steps while a decision is made. */
export class TraceRecorder {
  readonly policies: PolicyTrace[] = [];
  readonly steps: StepTrace[] = [];

  step(step: string, outcome: StepTrace['outcome'], detail: string): void {
    this.steps.push({ step, outcome, detail });
  }
}
