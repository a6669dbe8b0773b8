// What applying a world did (or, in a dry run, would do) to each resource, and the access keys it created.

export type Outcome = 'created' | 'updated' | 'unchanged';

export interface ResourceChange {
  /** The account the resource belongs to (the management account for organization resources). */
  readonly account: string;
  /** `account`, `policy`, `group`, `user`, `role`, `bucket`, `organization`, `ou`, `scp`, `rcp`. */
  readonly kind: string;
  readonly name: string;
  outcome: Outcome;
  /** What was set or changed: `inline policy S3Read`, `trust policy`, `group admins` ... */
  readonly details: string[];
}

export interface CreatedKey {
  readonly account: string;
  readonly user: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export class ApplyLog {
  readonly changes: ResourceChange[] = [];
  readonly keys: CreatedKey[] = [];

  constructor(readonly dryRun: boolean) {}

  /** Starts the record of one resource, `unchanged` until something is created or updated. */
  resource(account: string, kind: string, name: string): ResourceChange {
    const change: ResourceChange = { account, kind, name, outcome: 'unchanged', details: [] };
    this.changes.push(change);
    return change;
  }

  counts(): Record<Outcome, number> {
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const c of this.changes) counts[c.outcome]++;
    return counts;
  }
}

export function markCreated(change: ResourceChange): void {
  change.outcome = 'created';
}

/** Notes one changed part; a resource created in this run stays `created`. */
export function markUpdated(change: ResourceChange, detail: string): void {
  if (change.outcome === 'unchanged') change.outcome = 'updated';
  change.details.push(detail);
}
