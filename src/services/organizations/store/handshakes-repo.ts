// Handshakes (invitations to join an organization) and CreateAccount requests.
import type { Database } from '../../../storage/db.js';
import type { CreateAccountRequestRecord, HandshakeRecord, HandshakeState } from './records.js';

const HANDSHAKE =
  'id, organization_id AS organizationId, action, target_id AS targetId, target_type AS targetType, state, notes, ' +
  'requested_at AS requestedAt, expires_at AS expiresAt';
const REQUEST =
  'id, organization_id AS organizationId, account_name AS accountName, state, requested_at AS requestedAt, ' +
  'completed_at AS completedAt, account_id AS accountId, failure_reason AS failureReason';

export class HandshakesRepo {
  constructor(private readonly db: Database) {}

  byId(id: string): HandshakeRecord | undefined {
    return this.db.prepare<[string], HandshakeRecord>(`SELECT ${HANDSHAKE} FROM org_handshakes WHERE id = ?`).get(id);
  }

  forTarget(targetId: string): HandshakeRecord[] {
    return this.db
      .prepare<[string], HandshakeRecord>(
        `SELECT ${HANDSHAKE} FROM org_handshakes WHERE target_id = ? ORDER BY requested_at, rowid`,
      )
      .all(targetId);
  }

  inOrganization(organizationId: string): HandshakeRecord[] {
    return this.db
      .prepare<[string], HandshakeRecord>(
        `SELECT ${HANDSHAKE} FROM org_handshakes WHERE organization_id = ? ORDER BY requested_at, rowid`,
      )
      .all(organizationId);
  }

  insert(handshake: HandshakeRecord): void {
    this.db
      .prepare(
        'INSERT INTO org_handshakes (id, organization_id, action, target_id, target_type, state, notes, requested_at, ' +
          'expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        handshake.id,
        handshake.organizationId,
        handshake.action,
        handshake.targetId,
        handshake.targetType,
        handshake.state,
        handshake.notes,
        handshake.requestedAt,
        handshake.expiresAt,
      );
  }

  setState(id: string, state: HandshakeState): void {
    this.db.prepare('UPDATE org_handshakes SET state = ? WHERE id = ?').run(state, id);
  }

  request(id: string): CreateAccountRequestRecord | undefined {
    return this.db
      .prepare<[string], CreateAccountRequestRecord>(`SELECT ${REQUEST} FROM org_create_account_requests WHERE id = ?`)
      .get(id);
  }

  requests(organizationId: string): CreateAccountRequestRecord[] {
    return this.db
      .prepare<[string], CreateAccountRequestRecord>(
        `SELECT ${REQUEST} FROM org_create_account_requests WHERE organization_id = ? ORDER BY requested_at, rowid`,
      )
      .all(organizationId);
  }

  insertRequest(request: CreateAccountRequestRecord): void {
    this.db
      .prepare(
        'INSERT INTO org_create_account_requests (id, organization_id, account_name, state, requested_at, ' +
          'completed_at, account_id, failure_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        request.id,
        request.organizationId,
        request.accountName,
        request.state,
        request.requestedAt,
        request.completedAt,
        request.accountId,
        request.failureReason,
      );
  }
}
