// Tags of IAM resources (users, roles, customer managed policies, instance profiles, and what other IAM areas tag):
// keys compare ignoring case, keep the case they were last written with, and list in the order first added.
import type { Database } from '../../../storage/db.js';

export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

/** Reads and writes `iam_tags`; callers run writes inside IamContext.write. */
export class TagRepo {
  constructor(private readonly db: Database) {}

  list(resourceType: string, resourceId: string): Tag[] {
    return this.db
      .prepare<[string, string], { key: string; value: string }>(
        'SELECT key, value FROM iam_tags WHERE resource_type = ? AND resource_id = ? ORDER BY seq',
      )
      .all(resourceType, resourceId)
      .map((row) => ({ Key: row.key, Value: row.value }));
  }

  /** Tags as a record, as principal tags and `aws:ResourceTag` need them. */
  record(resourceType: string, resourceId: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const tag of this.list(resourceType, resourceId)) out[tag.Key] = tag.Value;
    return out;
  }

  /** Adds tags, replacing the value (and key case) of keys already present. */
  put(resourceType: string, resourceId: string, tags: readonly Tag[]): void {
    const next = this.db
      .prepare<[string, string], { seq: number | null }>(
        'SELECT max(seq) AS seq FROM iam_tags WHERE resource_type = ? AND resource_id = ?',
      )
      .get(resourceType, resourceId);
    let seq = (next?.seq ?? 0) + 1;
    const upsert = this.db.prepare(
      `INSERT INTO iam_tags (resource_type, resource_id, key, key_lower, value, seq) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (resource_type, resource_id, key_lower) DO UPDATE SET key = excluded.key, value = excluded.value`,
    );
    for (const tag of tags) upsert.run(resourceType, resourceId, tag.Key, tag.Key.toLowerCase(), tag.Value, seq++);
  }

  remove(resourceType: string, resourceId: string, keys: readonly string[]): void {
    const remove = this.db.prepare(
      'DELETE FROM iam_tags WHERE resource_type = ? AND resource_id = ? AND key_lower = ?',
    );
    for (const key of keys) remove.run(resourceType, resourceId, key.toLowerCase());
  }

  removeAll(resourceType: string, resourceId: string): void {
    this.db.prepare('DELETE FROM iam_tags WHERE resource_type = ? AND resource_id = ?').run(resourceType, resourceId);
  }

  count(resourceType: string, resourceId: string): number {
    const row = this.db
      .prepare<[string, string], { n: number }>(
        'SELECT count(*) AS n FROM iam_tags WHERE resource_type = ? AND resource_id = ?',
      )
      .get(resourceType, resourceId);
    return row?.n ?? 0;
  }
}
