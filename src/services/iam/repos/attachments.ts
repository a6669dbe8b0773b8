// Which managed policies (customer or AWS managed, by ARN) are attached to which users, groups and roles.
import type { Database } from '../../../storage/db.js';
import type { PolicyHolderType } from './inline-policies.js';

export interface Attachment {
  readonly holderType: PolicyHolderType;
  readonly holderId: string;
}

/** Reads and writes `iam_attachments`; callers run writes inside IamContext.write. */
export class AttachmentRepo {
  constructor(private readonly db: Database) {}

  /** The ARNs attached to the holder, in the order they were attached. */
  list(type: PolicyHolderType, holderId: string): string[] {
    return this.db
      .prepare<[string, string], { policy_arn: string }>(
        'SELECT policy_arn FROM iam_attachments WHERE entity_type = ? AND entity_id = ? ORDER BY seq',
      )
      .all(type, holderId)
      .map((row) => row.policy_arn);
  }

  /** Attaches the policy; attaching one already attached changes nothing, as in AWS. */
  attach(account: string, type: PolicyHolderType, holderId: string, policyArn: string): void {
    const next = this.db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM iam_attachments').get();
    this.db
      .prepare(
        `INSERT OR IGNORE INTO iam_attachments (account, entity_type, entity_id, policy_arn, seq)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(account, type, holderId, policyArn, (next?.seq ?? 0) + 1);
  }

  /** False when the policy was not attached. */
  detach(type: PolicyHolderType, holderId: string, policyArn: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM iam_attachments WHERE entity_type = ? AND entity_id = ? AND policy_arn = ?')
        .run(type, holderId, policyArn).changes > 0
    );
  }

  /** Who in the account has the policy attached. */
  holdersOf(account: string, policyArn: string): Attachment[] {
    return this.db
      .prepare<[string, string], { entity_type: PolicyHolderType; entity_id: string }>(
        'SELECT entity_type, entity_id FROM iam_attachments WHERE account = ? AND policy_arn = ? ORDER BY seq',
      )
      .all(account, policyArn)
      .map((row) => ({ holderType: row.entity_type, holderId: row.entity_id }));
  }

  count(account: string, policyArn: string): number {
    const row = this.db
      .prepare<[string, string], { n: number }>(
        'SELECT count(*) AS n FROM iam_attachments WHERE account = ? AND policy_arn = ?',
      )
      .get(account, policyArn);
    return row?.n ?? 0;
  }

  /** Attachment counts of every policy attached anywhere in the account. */
  countsByPolicy(account: string): Map<string, number> {
    const rows = this.db
      .prepare<[string], { policy_arn: string; n: number }>(
        'SELECT policy_arn, count(*) AS n FROM iam_attachments WHERE account = ? GROUP BY policy_arn',
      )
      .all(account);
    return new Map(rows.map((row) => [row.policy_arn, row.n]));
  }
}
