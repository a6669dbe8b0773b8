// What the trail records for one request, as the admin API returns it and `xacct trail`/`explain` print it.
import type { DecisionKind, DecisionTrace, MatchedStatement } from '../policy/index.js';

/** One authorization decision made while serving a request (most requests make one; AssumeRole makes two). */
export interface RecordedDecision {
  readonly action: string;
  readonly resource: string;
  readonly decision: DecisionKind;
  readonly deniedBy: string | null;
  readonly message: string;
  readonly matched: readonly MatchedStatement[];
  readonly trace: DecisionTrace | undefined;
}

/** `NotEvaluated`: the request failed before authorization (bad signature, invalid input) or needs none. */
export type EventDecision = DecisionKind | 'NotEvaluated';

export interface TrailEvent {
  readonly eventId: string;
  readonly time: string;
  /** The caller's ARN (`anonymous` for unsigned requests, the access key id when authentication failed). */
  readonly principal: string;
  readonly account: string | undefined;
  readonly service: string;
  readonly operation: string;
  readonly action: string | undefined;
  readonly resource: string | undefined;
  readonly sourceIp: string;
  readonly decision: EventDecision;
  readonly deniedBy: string | undefined;
  /** `policy-id#statement` of the first deciding statement. */
  readonly decidingPolicy: string | undefined;
  readonly errorCode: string | undefined;
  readonly status: number;
  readonly requestId: string;
  readonly userAgent: string;
  readonly decisions: readonly RecordedDecision[];
}

export interface TrailQuery {
  readonly denied?: boolean;
  /** ISO time; events at or after it. */
  readonly since?: string;
  readonly account?: string;
  readonly limit: number;
}
