// Organizations and the policy types enabled on their root.
import type { Database } from '../../../storage/db.js';
import type { OrganizationRecord } from './records.js';

const COLUMNS =
  'id, management_account AS managementAccount, management_email AS managementEmail, feature_set AS featureSet, ' +
  'root_id AS rootId, created_at AS createdAt';

export class OrganizationsRepo {
  constructor(private readonly db: Database) {}

  byId(id: string): OrganizationRecord | undefined {
    return this.db
      .prepare<[string], OrganizationRecord>(`SELECT ${COLUMNS} FROM org_organizations WHERE id = ?`)
      .get(id);
  }

  insert(org: OrganizationRecord): void {
    this.db
      .prepare(
        'INSERT INTO org_organizations (id, management_account, management_email, feature_set, root_id, created_at) ' +
          'VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(org.id, org.managementAccount, org.managementEmail, org.featureSet, org.rootId, org.createdAt);
  }

  /** Everything the organization owns goes with it (foreign keys cascade). */
  delete(id: string): void {
    this.db.prepare('DELETE FROM org_organizations WHERE id = ?').run(id);
  }

  enabledPolicyTypes(organizationId: string): string[] {
    return this.db
      .prepare<[string], string>('SELECT type FROM org_policy_types WHERE organization_id = ? ORDER BY type')
      .pluck()
      .all(organizationId);
  }

  isPolicyTypeEnabled(organizationId: string, type: string): boolean {
    return (
      this.db
        .prepare<[string, string], number>('SELECT 1 FROM org_policy_types WHERE organization_id = ? AND type = ?')
        .pluck()
        .get(organizationId, type) !== undefined
    );
  }

  enablePolicyType(organizationId: string, type: string): void {
    this.db.prepare('INSERT INTO org_policy_types (organization_id, type) VALUES (?, ?)').run(organizationId, type);
  }

  disablePolicyType(organizationId: string, type: string): void {
    this.db.prepare('DELETE FROM org_policy_types WHERE organization_id = ? AND type = ?').run(organizationId, type);
  }
}
