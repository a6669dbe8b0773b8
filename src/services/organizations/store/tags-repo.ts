// Tags on Organizations resources (roots, OUs, accounts, policies), kept per organization.
import type { Database } from '../../../storage/db.js';
import type { TagRecord } from './records.js';

export class TagsRepo {
  constructor(private readonly db: Database) {}

  of(organizationId: string, resourceId: string): TagRecord[] {
    return this.db
      .prepare<[string, string], TagRecord>(
        'SELECT key, value FROM org_tags WHERE organization_id = ? AND resource_id = ? ORDER BY rowid',
      )
      .all(organizationId, resourceId);
  }

  put(organizationId: string, resourceId: string, tags: readonly TagRecord[]): void {
    const statement = this.db.prepare(
      'INSERT INTO org_tags (organization_id, resource_id, key, value) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (organization_id, resource_id, key) DO UPDATE SET value = excluded.value',
    );
    for (const tag of tags) statement.run(organizationId, resourceId, tag.key, tag.value);
  }

  remove(organizationId: string, resourceId: string, keys: readonly string[]): void {
    const statement = this.db.prepare('DELETE FROM org_tags WHERE organization_id = ? AND resource_id = ? AND key = ?');
    for (const key of keys) statement.run(organizationId, resourceId, key);
  }

  removeAll(organizationId: string, resourceId: string): void {
    this.db
      .prepare('DELETE FROM org_tags WHERE organization_id = ? AND resource_id = ?')
      .run(organizationId, resourceId);
  }
}
