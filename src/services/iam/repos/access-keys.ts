// Long-term access keys (AKIA...) of IAM users, with their secrets and when each was last used.
import type { Database } from '../../../storage/db.js';

export type AccessKeyStatus = 'Active' | 'Inactive';

export interface AccessKeyRecord {
  readonly id: string;
  readonly account: string;
  readonly userId: string;
  readonly secret: string;
  readonly status: AccessKeyStatus;
  readonly createdAt: number;
}

export interface AccessKeyUse {
  readonly at: number;
  readonly service: string;
  readonly region: string;
}

interface KeyRow {
  id: string;
  account: string;
  user_id: string;
  secret: string;
  status: AccessKeyStatus;
  created_at: number;
}

const COLUMNS = 'id, account, user_id, secret, status, created_at';

function toRecord(row: KeyRow): AccessKeyRecord {
  return {
    id: row.id,
    account: row.account,
    userId: row.user_id,
    secret: row.secret,
    status: row.status,
    createdAt: row.created_at,
  };
}

/** Reads and writes `iam_access_keys`; callers run writes inside IamContext.write. */
export class AccessKeyRepo {
  constructor(private readonly db: Database) {}

  insert(key: AccessKeyRecord): void {
    this.db
      .prepare(`INSERT INTO iam_access_keys (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(key.id, key.account, key.userId, key.secret, key.status, key.createdAt);
  }

  byId(id: string): AccessKeyRecord | undefined {
    const row = this.db.prepare<[string], KeyRow>(`SELECT ${COLUMNS} FROM iam_access_keys WHERE id = ?`).get(id);
    return row && toRecord(row);
  }

  /** The user's keys, oldest first. */
  listForUser(userId: string): AccessKeyRecord[] {
    return this.db
      .prepare<[string], KeyRow>(`SELECT ${COLUMNS} FROM iam_access_keys WHERE user_id = ? ORDER BY created_at, id`)
      .all(userId)
      .map(toRecord);
  }

  setStatus(id: string, status: AccessKeyStatus): void {
    this.db.prepare('UPDATE iam_access_keys SET status = ? WHERE id = ?').run(status, id);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM iam_access_keys WHERE id = ?').run(id);
  }

  lastUse(id: string): AccessKeyUse | undefined {
    const row = this.db
      .prepare<[string], { at: number | null; service: string | null; region: string | null }>(
        'SELECT last_used_at AS at, last_used_service AS service, last_used_region AS region FROM iam_access_keys WHERE id = ?',
      )
      .get(id);
    if (row?.at == null) return undefined;
    return { at: row.at, service: row.service ?? 'N/A', region: row.region ?? 'N/A' };
  }

  /** Records a use; not an IAM change, so it does not invalidate cached policies. */
  recordUse(id: string, use: AccessKeyUse): void {
    this.db
      .prepare('UPDATE iam_access_keys SET last_used_at = ?, last_used_service = ?, last_used_region = ? WHERE id = ?')
      .run(use.at, use.service, use.region, id);
  }
}
