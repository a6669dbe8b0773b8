// The accounts of organizations: where each sits in its organization's tree and how it joined.
import type { Database } from '../../../storage/db.js';
import type { MemberRecord } from './records.js';

const COLUMNS =
  'id, organization_id AS organizationId, parent_id AS parentId, name, email, joined_method AS joinedMethod, ' +
  'joined_at AS joinedAt';

export class MembersRepo {
  constructor(private readonly db: Database) {}

  /** The account's membership in whatever organization it belongs to. */
  byId(id: string): MemberRecord | undefined {
    return this.db.prepare<[string], MemberRecord>(`SELECT ${COLUMNS} FROM org_accounts WHERE id = ?`).get(id);
  }

  inOrganization(organizationId: string): MemberRecord[] {
    return this.db
      .prepare<[string], MemberRecord>(
        `SELECT ${COLUMNS} FROM org_accounts WHERE organization_id = ? ORDER BY joined_at, rowid`,
      )
      .all(organizationId);
  }

  children(parentId: string): MemberRecord[] {
    return this.db
      .prepare<[string], MemberRecord>(
        `SELECT ${COLUMNS} FROM org_accounts WHERE parent_id = ? ORDER BY joined_at, rowid`,
      )
      .all(parentId);
  }

  countChildren(parentId: string): number {
    return (
      this.db
        .prepare<[string], number>('SELECT count(*) FROM org_accounts WHERE parent_id = ?')
        .pluck()
        .get(parentId) ?? 0
    );
  }

  countInOrganization(organizationId: string): number {
    return (
      this.db
        .prepare<[string], number>('SELECT count(*) FROM org_accounts WHERE organization_id = ?')
        .pluck()
        .get(organizationId) ?? 0
    );
  }

  emailTaken(email: string): boolean {
    return (
      this.db
        .prepare<[string], number>('SELECT 1 FROM org_accounts WHERE lower(email) = lower(?)')
        .pluck()
        .get(email) !== undefined
    );
  }

  insert(member: MemberRecord): void {
    this.db
      .prepare(
        'INSERT INTO org_accounts (id, organization_id, parent_id, name, email, joined_method, joined_at) ' +
          'VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        member.id,
        member.organizationId,
        member.parentId,
        member.name,
        member.email,
        member.joinedMethod,
        member.joinedAt,
      );
  }

  move(id: string, parentId: string): void {
    this.db.prepare('UPDATE org_accounts SET parent_id = ? WHERE id = ?').run(parentId, id);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM org_accounts WHERE id = ?').run(id);
  }
}
