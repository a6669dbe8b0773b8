// The traces of statements whose Action did not match are the same for every request that consults their policy:
// the engine builds each once per compiled statement. For a principal with a few policies they are most of a
// decision's trace, and writing them into every event made the trail a third of a request's time (the JSON, then
// SQLite storing rows of about 10 KB). The trail stores each once in `trail_fragments` and an event's detail refers
// to it as `{"$fragment": id}`; reading puts it back, so readers see the whole trace as it was recorded.

import type { PolicyTrace, StatementTrace } from '../policy/index.js';
import type { Database } from '../storage/db.js';
import type { RecordedDecision } from './trail-event.js';

interface FragmentRef {
  readonly $fragment: number;
}

type StoredStatement = StatementTrace | FragmentRef;

export class TraceFragments {
  /** Ids of fragments stored by a committed transaction, by the engine's trace object. */
  private readonly ids = new WeakMap<StatementTrace, number>();

  constructor(private readonly db: Database) {}

  /**
   * The decisions as stored: every statement trace that was not evaluated becomes a reference. Runs inside the
   * caller's transaction; `pending` collects the ids it stores, which `committed` makes known once that commits.
   */
  compact(decisions: readonly RecordedDecision[], pending: Map<StatementTrace, number>): readonly unknown[] {
    return decisions.map((decision) => {
      const trace = decision.trace;
      if (trace === undefined) return decision;
      const policies = trace.policies.map((policy) => ({
        ...policy,
        statements: policy.statements.map((s): StoredStatement => (s.evaluated ? s : this.reference(s, pending))),
      }));
      return { ...decision, trace: { ...trace, policies } };
    });
  }

  /** Makes the ids stored in a transaction known, after it committed. */
  committed(pending: ReadonlyMap<StatementTrace, number>): void {
    for (const [trace, id] of pending) this.ids.set(trace, id);
  }

  /** The decisions as recorded: references replaced by their fragments. */
  expand(decisions: readonly RecordedDecision[]): RecordedDecision[] {
    const cache = new Map<number, StatementTrace>();
    const fragment = (id: number): StatementTrace => {
      let trace = cache.get(id);
      if (trace === undefined) {
        const row = this.db
          .prepare<[number], { json: string }>('SELECT json FROM trail_fragments WHERE id = ?')
          .get(id);
        if (row === undefined) throw new Error(`trail fragment ${id} is missing`);
        trace = JSON.parse(row.json) as StatementTrace;
        cache.set(id, trace);
      }
      return trace;
    };
    return decisions.map((decision) => {
      const trace = decision.trace;
      if (trace === undefined) return decision;
      const policies: PolicyTrace[] = trace.policies.map((policy) => ({
        ...policy,
        statements: (policy.statements as readonly StoredStatement[]).map((s) =>
          '$fragment' in s ? fragment(s.$fragment) : s,
        ),
      }));
      return { ...decision, trace: { ...trace, policies } };
    });
  }

  private reference(trace: StatementTrace, pending: Map<StatementTrace, number>): FragmentRef {
    let id = this.ids.get(trace) ?? pending.get(trace);
    if (id === undefined) {
      // The same statement compiled again (after a policy changed) has a new object but the same text.
      const json = JSON.stringify(trace);
      this.db.prepare('INSERT OR IGNORE INTO trail_fragments (json) VALUES (?)').run(json);
      id = this.db.prepare<[string], { id: number }>('SELECT id FROM trail_fragments WHERE json = ?').get(json)!.id;
      pending.set(trace, id);
    }
    return { $fragment: id };
  }
}
