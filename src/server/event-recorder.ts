// Collects what the trail records about one request as the pipeline learns it (route, caller, decisions, error)
// and hands the finished event to the trail and the request log.

import type { RecordedDecision, TrailEvent } from '../audit/trail-event.js';
import type { AwsError } from '../core/aws-error.js';
import { isoSeconds } from '../core/clock.js';
import { newEventId } from '../core/ids.js';
import type { Decision } from '../policy/index.js';
import type { Route } from '../protocol/index.js';
import { serviceDescriptor } from '../protocol/services.js';
import type { AuthorizationTarget, Caller } from '../services/types.js';
import type { IncomingRequest } from './pipeline.js';

export class EventRecorder {
  readonly eventId = newEventId();
  private route: Route | undefined;
  private caller: Caller | undefined;
  private readonly decisions: RecordedDecision[] = [];
  private error: AwsError | undefined;

  constructor(
    private readonly now: number,
    private readonly requestId: string,
    private readonly incoming: IncomingRequest,
    readonly sink: (event: TrailEvent) => void,
  ) {}

  routed(route: Route): void {
    this.route = route;
  }

  authenticated(caller: Caller): void {
    this.caller = caller;
  }

  decided(target: AuthorizationTarget, decision: Decision): void {
    this.decisions.push({
      action: target.action,
      resource: target.resource,
      decision: decision.decision,
      deniedBy: decision.deniedBy,
      message: decision.message,
      matched: decision.matched,
      trace: decision.trace,
    });
  }

  failed(error: AwsError): void {
    this.error = error;
  }

  finish(status: number): void {
    const deciding = this.decisions.find((d) => d.decision !== 'Allowed') ?? this.decisions[0];
    const first = deciding?.matched[0];
    const route = this.route;
    this.sink({
      eventId: this.eventId,
      time: isoSeconds(this.now),
      principal: this.caller?.principal.arn ?? unauthenticatedPrincipal(this.incoming),
      account: this.caller?.account,
      service: route?.service ?? 'unknown',
      operation: route?.operation ?? 'unknown',
      action:
        deciding?.action ?? (route ? `${serviceDescriptor(route.service).signingName}:${route.operation}` : undefined),
      resource: deciding?.resource,
      sourceIp: this.incoming.remoteAddress,
      decision: deciding?.decision ?? 'NotEvaluated',
      deniedBy: deciding?.deniedBy ?? undefined,
      decidingPolicy: first ? `${first.policyId}#${first.sid ?? first.statementIndex}` : undefined,
      errorCode: this.error?.code,
      status,
      requestId: this.requestId,
      userAgent: this.incoming.http.headers['user-agent'] ?? '',
      decisions: this.decisions,
    });
  }
}

/** Before authentication succeeds all we know is the access key id the request claimed. */
function unauthenticatedPrincipal(incoming: IncomingRequest): string {
  const auth = incoming.http.headers.authorization ?? '';
  const fromHeader = /Credential=([^/,\s]+)/.exec(auth)?.[1];
  const fromQuery = incoming.http.query.find(([k]) => k === 'X-Amz-Credential')?.[1]?.split('/')[0];
  return fromHeader ?? fromQuery ?? 'anonymous';
}
