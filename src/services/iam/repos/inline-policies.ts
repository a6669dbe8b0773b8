// Inline policies embedded in users, groups and roles, stored as the documents were given.
import type { Database } from '../../../storage/db.js';

/** The identities that hold inline policies and managed policy attachments. */
export type PolicyHolderType = 'user' | 'group' | 'role';

export interface InlinePolicy {
  readonly name: string;
  readonly document: string;
}

/** Reads and writes `iam_inline_policies`; callers run writes inside IamContext.write. */
export class InlinePolicyRepo {
  constructor(private readonly db: Database) {}

  /** The holder's inline policies, ordered by name. */
  list(type: PolicyHolderType, holderId: string): InlinePolicy[] {
    return this.db
      .prepare<[string, string], InlinePolicy>(
        'SELECT name, document FROM iam_inline_policies WHERE entity_type = ? AND entity_id = ? ORDER BY name',
      )
      .all(type, holderId);
  }

  get(type: PolicyHolderType, holderId: string, name: string): InlinePolicy | undefined {
    return this.db
      .prepare<[string, string, string], InlinePolicy>(
        'SELECT name, document FROM iam_inline_policies WHERE entity_type = ? AND entity_id = ? AND name = ?',
      )
      .get(type, holderId, name);
  }

  /** Creates the policy or replaces the document of the one with that name. */
  put(type: PolicyHolderType, holderId: string, name: string, document: string): void {
    this.db
      .prepare(
        `INSERT INTO iam_inline_policies (entity_type, entity_id, name, document) VALUES (?, ?, ?, ?)
         ON CONFLICT (entity_type, entity_id, name) DO UPDATE SET document = excluded.document`,
      )
      .run(type, holderId, name, document);
  }

  /** False when there was no such policy. */
  delete(type: PolicyHolderType, holderId: string, name: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM iam_inline_policies WHERE entity_type = ? AND entity_id = ? AND name = ?')
        .run(type, holderId, name).changes > 0
    );
  }

  count(type: PolicyHolderType, holderId: string): number {
    const row = this.db
      .prepare<[string, string], { n: number }>(
        'SELECT count(*) AS n FROM iam_inline_policies WHERE entity_type = ? AND entity_id = ?',
      )
      .get(type, holderId);
    return row?.n ?? 0;
  }
}
