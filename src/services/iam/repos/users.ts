// IAM users as stored: one row per user, unique by name (ignoring case) within an account.
import type { Database } from '../../../storage/db.js';
import { entityArn } from '../arns.js';

export interface UserRecord {
  /** `AIDA...` */
  readonly id: string;
  readonly account: string;
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  readonly createdAt: number;
  /** The permissions boundary's policy ARN. */
  readonly permissionsBoundary: string | undefined;
}

interface UserRow {
  id: string;
  account: string;
  name: string;
  path: string;
  created_at: number;
  permissions_boundary: string | null;
}

const COLUMNS = 'id, account, name, path, created_at, permissions_boundary';

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    account: row.account,
    name: row.name,
    path: row.path,
    arn: entityArn(row.account, 'user', row.path, row.name),
    createdAt: row.created_at,
    permissionsBoundary: row.permissions_boundary ?? undefined,
  };
}

/** Reads and writes `iam_users`; callers run writes inside IamContext.write. */
export class UserRepo {
  constructor(private readonly db: Database) {}

  insert(user: Omit<UserRecord, 'arn'>): void {
    this.db
      .prepare(`INSERT INTO iam_users (${COLUMNS}, name_lower) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(
        user.id,
        user.account,
        user.name,
        user.path,
        user.createdAt,
        user.permissionsBoundary ?? null,
        user.name.toLowerCase(),
      );
  }

  /** The user of `account` named `name`, compared ignoring case as IAM does. */
  byName(account: string, name: string): UserRecord | undefined {
    const row = this.db
      .prepare<[string, string], UserRow>(`SELECT ${COLUMNS} FROM iam_users WHERE account = ? AND name_lower = ?`)
      .get(account, name.toLowerCase());
    return row && toRecord(row);
  }

  byId(id: string): UserRecord | undefined {
    const row = this.db.prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM iam_users WHERE id = ?`).get(id);
    return row && toRecord(row);
  }

  /** Every user of the account, ordered by name. */
  list(account: string): UserRecord[] {
    return this.db
      .prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM iam_users WHERE account = ? ORDER BY name_lower, name`)
      .all(account)
      .map(toRecord);
  }

  rename(id: string, name: string, path: string): void {
    this.db
      .prepare('UPDATE iam_users SET name = ?, name_lower = ?, path = ? WHERE id = ?')
      .run(name, name.toLowerCase(), path, id);
  }

  setPermissionsBoundary(id: string, policyArn: string | undefined): void {
    this.db.prepare('UPDATE iam_users SET permissions_boundary = ? WHERE id = ?').run(policyArn ?? null, id);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM iam_users WHERE id = ?').run(id);
  }

  /** How many users of the account have the policy as their permissions boundary. */
  boundaryUsage(account: string, policyArn: string): number {
    const row = this.db
      .prepare<[string, string], { n: number }>(
        'SELECT count(*) AS n FROM iam_users WHERE account = ? AND permissions_boundary = ?',
      )
      .get(account, policyArn);
    return row?.n ?? 0;
  }
}
