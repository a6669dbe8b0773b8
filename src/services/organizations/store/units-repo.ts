// Organizational units: their names and parents (a root or another OU).
import type { Database } from '../../../storage/db.js';
import type { UnitRecord } from './records.js';

const COLUMNS = 'id, organization_id AS organizationId, parent_id AS parentId, name, created_at AS createdAt';

export class UnitsRepo {
  constructor(private readonly db: Database) {}

  byId(id: string): UnitRecord | undefined {
    return this.db.prepare<[string], UnitRecord>(`SELECT ${COLUMNS} FROM org_units WHERE id = ?`).get(id);
  }

  children(parentId: string): UnitRecord[] {
    return this.db
      .prepare<[string], UnitRecord>(`SELECT ${COLUMNS} FROM org_units WHERE parent_id = ? ORDER BY created_at, rowid`)
      .all(parentId);
  }

  inOrganization(organizationId: string): UnitRecord[] {
    return this.db
      .prepare<[string], UnitRecord>(`SELECT ${COLUMNS} FROM org_units WHERE organization_id = ? ORDER BY rowid`)
      .all(organizationId);
  }

  countInOrganization(organizationId: string): number {
    return (
      this.db
        .prepare<[string], number>('SELECT count(*) FROM org_units WHERE organization_id = ?')
        .pluck()
        .get(organizationId) ?? 0
    );
  }

  insert(unit: UnitRecord): void {
    this.db
      .prepare('INSERT INTO org_units (id, organization_id, parent_id, name, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(unit.id, unit.organizationId, unit.parentId, unit.name, unit.createdAt);
  }

  rename(id: string, name: string): void {
    this.db.prepare('UPDATE org_units SET name = ? WHERE id = ?').run(name, id);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM org_units WHERE id = ?').run(id);
  }
}
