// Customer managed policies and the attachments of every policy (customer or AWS managed) to roots, OUs and
// accounts.
import type { Database } from '../../../storage/db.js';
import type { AttachmentRecord, PolicyRecord } from './records.js';

const COLUMNS = 'id, organization_id AS organizationId, type, name, description, content, created_at AS createdAt';
const ATTACHMENT = 'policy_id AS policyId, policy_type AS policyType, target_id AS targetId';

export class PoliciesRepo {
  constructor(private readonly db: Database) {}

  byId(id: string): PolicyRecord | undefined {
    return this.db.prepare<[string], PolicyRecord>(`SELECT ${COLUMNS} FROM org_policies WHERE id = ?`).get(id);
  }

  ofType(organizationId: string, type: string): PolicyRecord[] {
    return this.db
      .prepare<[string, string], PolicyRecord>(
        `SELECT ${COLUMNS} FROM org_policies WHERE organization_id = ? AND type = ? ORDER BY created_at, rowid`,
      )
      .all(organizationId, type);
  }

  nameTaken(organizationId: string, type: string, name: string, exceptId = ''): boolean {
    return (
      this.db
        .prepare<[string, string, string, string], number>(
          'SELECT 1 FROM org_policies WHERE organization_id = ? AND type = ? AND name = ? AND id <> ?',
        )
        .pluck()
        .get(organizationId, type, name, exceptId) !== undefined
    );
  }

  insert(policy: PolicyRecord): void {
    this.db
      .prepare(
        'INSERT INTO org_policies (id, organization_id, type, name, description, content, created_at) ' +
          'VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        policy.id,
        policy.organizationId,
        policy.type,
        policy.name,
        policy.description,
        policy.content,
        policy.createdAt,
      );
  }

  update(policy: PolicyRecord): void {
    this.db
      .prepare('UPDATE org_policies SET name = ?, description = ?, content = ? WHERE id = ?')
      .run(policy.name, policy.description, policy.content, policy.id);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM org_policies WHERE id = ?').run(id);
  }

  /** The policies of `type` attached to a target, in the order they were attached. */
  attachedTo(organizationId: string, targetId: string, type: string): AttachmentRecord[] {
    return this.db
      .prepare<[string, string, string], AttachmentRecord>(
        `SELECT ${ATTACHMENT} FROM org_attachments WHERE organization_id = ? AND target_id = ? AND policy_type = ? ` +
          'ORDER BY rowid',
      )
      .all(organizationId, targetId, type);
  }

  targetsOf(organizationId: string, policyId: string): AttachmentRecord[] {
    return this.db
      .prepare<[string, string], AttachmentRecord>(
        `SELECT ${ATTACHMENT} FROM org_attachments WHERE organization_id = ? AND policy_id = ? ORDER BY rowid`,
      )
      .all(organizationId, policyId);
  }

  isAttached(organizationId: string, policyId: string, targetId: string): boolean {
    return (
      this.db
        .prepare<[string, string, string], number>(
          'SELECT 1 FROM org_attachments WHERE organization_id = ? AND policy_id = ? AND target_id = ?',
        )
        .pluck()
        .get(organizationId, policyId, targetId) !== undefined
    );
  }

  attach(organizationId: string, attachment: AttachmentRecord): void {
    this.db
      .prepare(
        'INSERT OR IGNORE INTO org_attachments (organization_id, policy_id, policy_type, target_id) VALUES (?, ?, ?, ?)',
      )
      .run(organizationId, attachment.policyId, attachment.policyType, attachment.targetId);
  }

  detach(organizationId: string, policyId: string, targetId: string): void {
    this.db
      .prepare('DELETE FROM org_attachments WHERE organization_id = ? AND policy_id = ? AND target_id = ?')
      .run(organizationId, policyId, targetId);
  }

  detachAllOfType(organizationId: string, type: string): void {
    this.db
      .prepare('DELETE FROM org_attachments WHERE organization_id = ? AND policy_type = ?')
      .run(organizationId, type);
  }

  /** A root, OU or account leaving: its attachments go. */
  detachTarget(organizationId: string, targetId: string): void {
    this.db
      .prepare('DELETE FROM org_attachments WHERE organization_id = ? AND target_id = ?')
      .run(organizationId, targetId);
  }
}
