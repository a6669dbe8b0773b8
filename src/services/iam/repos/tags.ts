// Tags of IAM resources (users, roles, customer managed policies, instance profiles, and what other IAM areas tag),
// listed in the order first added. On users and roles keys compare ignoring case and keep the case they were last
// written with; on every other IAM resource they are case sensitive, so `Costcenter` and `costcenter` are two tags
// (IAM UG, "Rules for tagging in IAM and AWS STS"). The `key_lower` column holds the key as it compares.
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
    for (const tag of tags) {
      upsert.run(resourceType, resourceId, tag.Key, comparedKey(resourceType, tag.Key), tag.Value, seq++);
    }
  }

  remove(resourceType: string, resourceId: string, keys: readonly string[]): void {
    const remove = this.db.prepare(
      'DELETE FROM iam_tags WHERE resource_type = ? AND resource_id = ? AND key_lower = ?',
    );
    for (const key of keys) remove.run(resourceType, resourceId, comparedKey(resourceType, key));
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

const CASE_INSENSITIVE_KEYS: ReadonlySet<string> = new Set(['user', 'role']);

function comparedKey(resourceType: string, key: string): string {
  return CASE_INSENSITIVE_KEYS.has(resourceType) ? key.toLowerCase() : key;
}
