// The trail: one event per request with the decisions that were made for it and their traces. Events are
// queued and written in batches (one transaction per batch) so that recording does not cost an fsync per
// request; every read flushes the queue first, so a reader always sees every answered request. Statement
// traces that are the same for every request are stored once (`trace-fragments.ts`).

import type { StatementTrace } from '../policy/index.js';
import type { Database } from '../storage/db.js';
import { TraceFragments } from './trace-fragments.js';
import type { RecordedDecision, TrailEvent, TrailQuery } from './trail-event.js';

/** Enough to amortise one commit over many requests, small enough to bound what a hard kill can lose. */
const BATCH_LIMIT = 500;
const FLUSH_DELAY_MS = 50;
/** Rows per INSERT statement; the remainder of a batch goes in one statement of its own size. */
const ROWS_PER_INSERT = 50;
const ROW_PLACEHOLDERS = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

interface EventRow {
  event_id: string;
  time: string;
  principal: string;
  account: string | null;
  service: string;
  operation: string;
  action: string | null;
  resource: string | null;
  source_ip: string;
  decision: string;
  denied_by: string | null;
  deciding_policy: string | null;
  error_code: string | null;
  status: number;
  detail: string;
}

export class Trail {
  private queue: TrailEvent[] = [];
  private timer: NodeJS.Timeout | undefined;

  private readonly fragments: TraceFragments;

  constructor(private readonly db: Database) {
    this.fragments = new TraceFragments(db);
  }

  record(event: TrailEvent): void {
    this.queue.push(event);
    if (this.queue.length >= BATCH_LIMIT) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_DELAY_MS);
  }

  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    const pending = new Map<StatementTrace, number>();
    const detailOf = (e: TrailEvent) =>
      JSON.stringify({
        requestId: e.requestId,
        userAgent: e.userAgent,
        decisions: this.fragments.compact(e.decisions, pending),
      });
    this.db.transaction(() => {
      // Many rows per statement: one native call for a whole chunk instead of one per event.
      for (let at = 0; at < batch.length; at += ROWS_PER_INSERT) {
        const count = Math.min(ROWS_PER_INSERT, batch.length - at);
        this.insertStatement(count).run(...rowValues(batch, at, count, detailOf));
      }
    });
    this.fragments.committed(pending);
  }

  private insertStatement(rows: number) {
    const values = Array.from({ length: rows }, () => ROW_PLACEHOLDERS).join(', ');
    return this.db.prepare(
      `INSERT INTO trail_events (event_id, time, principal, account, service, operation, action, resource, source_ip,
         decision, denied_by, deciding_policy, error_code, status, detail) VALUES ${values}`,
    );
  }

  get(eventId: string): TrailEvent | undefined {
    this.flush();
    const row = this.db.prepare<[string], EventRow>('SELECT * FROM trail_events WHERE event_id = ?').get(eventId);
    return row ? this.toEvent(row) : undefined;
  }

  /** Events newest first. */
  list(query: TrailQuery): TrailEvent[] {
    this.flush();
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.denied) where.push("decision IN ('ExplicitDeny', 'ImplicitDeny')");
    if (query.since !== undefined) {
      where.push('time >= ?');
      params.push(query.since);
    }
    if (query.account !== undefined) {
      where.push('account = ?');
      params.push(query.account);
    }
    const sql = `SELECT * FROM trail_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY seq DESC LIMIT ?`;
    params.push(query.limit);
    return this.db
      .prepare<(string | number)[], EventRow>(sql)
      .all(...params)
      .map((row) => this.toEvent(row));
  }

  close(): void {
    this.flush();
  }

  private toEvent(row: EventRow): TrailEvent {
    const detail = JSON.parse(row.detail) as { requestId: string; userAgent: string; decisions: RecordedDecision[] };
    return {
      eventId: row.event_id,
      time: row.time,
      principal: row.principal,
      account: row.account ?? undefined,
      service: row.service,
      operation: row.operation,
      action: row.action ?? undefined,
      resource: row.resource ?? undefined,
      sourceIp: row.source_ip,
      decision: row.decision as TrailEvent['decision'],
      deniedBy: row.denied_by ?? undefined,
      decidingPolicy: row.deciding_policy ?? undefined,
      errorCode: row.error_code ?? undefined,
      status: row.status,
      requestId: detail.requestId,
      userAgent: detail.userAgent,
      decisions: this.fragments.expand(detail.decisions),
    };
  }
}

/** The bound values of `count` events from `start`, in the column order of the INSERT. */
function rowValues(
  batch: readonly TrailEvent[],
  start: number,
  count: number,
  detailOf: (event: TrailEvent) => string,
): (string | number | null)[] {
  const values: (string | number | null)[] = [];
  for (let i = start; i < start + count; i++) {
    const e = batch[i]!;
    values.push(
      e.eventId,
      e.time,
      e.principal,
      e.account ?? null,
      e.service,
      e.operation,
      e.action ?? null,
      e.resource ?? null,
      e.sourceIp,
      e.decision,
      e.deniedBy ?? null,
      e.decidingPolicy ?? null,
      e.errorCode ?? null,
      e.status,
      detailOf(e),
    );
  }
  return values;
}
