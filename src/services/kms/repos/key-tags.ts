// Tags of KMS keys as stored: one value per tag key (keys compare case-sensitively, as KMS has them).
import type { Database } from '../../../storage/db.js';

export interface KeyTag {
  readonly TagKey: string;
  readonly TagValue: string;
}

export class KeyTagRepo {
  constructor(private readonly db: Database) {}

  list(keyId: string): KeyTag[] {
    return this.db
      .prepare<[string], { tag_key: string; tag_value: string }>(
        'SELECT tag_key, tag_value FROM kms_key_tags WHERE key_id = ? ORDER BY tag_key',
      )
      .all(keyId)
      .map((row) => ({ TagKey: row.tag_key, TagValue: row.tag_value }));
  }

  put(keyId: string, tags: readonly KeyTag[]): void {
    const statement = this.db.prepare(
      'INSERT INTO kms_key_tags (key_id, tag_key, tag_value) VALUES (?, ?, ?) ' +
        'ON CONFLICT (key_id, tag_key) DO UPDATE SET tag_value = excluded.tag_value',
    );
    for (const tag of tags) statement.run(keyId, tag.TagKey, tag.TagValue);
  }

  remove(keyId: string, tagKeys: readonly string[]): void {
    const statement = this.db.prepare('DELETE FROM kms_key_tags WHERE key_id = ? AND tag_key = ?');
    for (const key of tagKeys) statement.run(keyId, key);
  }
}
