// IAM roles as stored: one row per role with its trust policy, unique by name (ignoring case) within an account.
import type { Database } from '../../../storage/db.js';
import { entityArn } from '../arns.js';

export interface StoredRole {
  /** `AROA...` */
  readonly id: string;
  readonly account: string;
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  readonly createdAt: number;
  /** The trust policy exactly as it was given. */
  readonly trustPolicy: string;
  /**
   * The unique ids the trust policy's user and role ARNs resolved to when it was stored: IAM keeps principals by id,
   * so a principal deleted and re-created under the same name is no longer the one trusted.
   */
  readonly trustPrincipalIds: Readonly<Record<string, string>>;
  readonly description: string | undefined;
  /** Seconds. */
  readonly maxSessionDuration: number;
  readonly permissionsBoundary: string | undefined;
}

interface RoleRow {
  id: string;
  account: string;
  name: string;
  path: string;
  created_at: number;
  trust_policy: string;
  trust_principal_ids: string;
  description: string | null;
  max_session_duration: number;
  permissions_boundary: string | null;
}

const COLUMNS =
  'id, account, name, path, created_at, trust_policy, trust_principal_ids, description, max_session_duration, ' +
  'permissions_boundary';

function toRecord(row: RoleRow): StoredRole {
  return {
    id: row.id,
    account: row.account,
    name: row.name,
    path: row.path,
    arn: entityArn(row.account, 'role', row.path, row.name),
    createdAt: row.created_at,
    trustPolicy: row.trust_policy,
    trustPrincipalIds: JSON.parse(row.trust_principal_ids) as Record<string, string>,
    description: row.description ?? undefined,
    maxSessionDuration: row.max_session_duration,
    permissionsBoundary: row.permissions_boundary ?? undefined,
  };
}

/** Reads and writes `iam_roles`; callers run writes inside IamContext.write. */
export class RoleRepo {
  constructor(private readonly db: Database) {}

  insert(role: Omit<StoredRole, 'arn'>): void {
    this.db
      .prepare(`INSERT INTO iam_roles (${COLUMNS}, name_lower) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        role.id,
        role.account,
        role.name,
        role.path,
        role.createdAt,
        role.trustPolicy,
        JSON.stringify(role.trustPrincipalIds),
        role.description ?? null,
        role.maxSessionDuration,
        role.permissionsBoundary ?? null,
        role.name.toLowerCase(),
      );
  }

  byName(account: string, name: string): StoredRole | undefined {
    const row = this.db
      .prepare<[string, string], RoleRow>(`SELECT ${COLUMNS} FROM iam_roles WHERE account = ? AND name_lower = ?`)
      .get(account, name.toLowerCase());
    return row && toRecord(row);
  }

  byId(id: string): StoredRole | undefined {
    const row = this.db.prepare<[string], RoleRow>(`SELECT ${COLUMNS} FROM iam_roles WHERE id = ?`).get(id);
    return row && toRecord(row);
  }

  list(account: string): StoredRole[] {
    return this.db
      .prepare<[string], RoleRow>(`SELECT ${COLUMNS} FROM iam_roles WHERE account = ? ORDER BY name_lower, name`)
      .all(account)
      .map(toRecord);
  }

  update(id: string, changes: { description?: string; maxSessionDuration?: number }): void {
    if (changes.description !== undefined) {
      this.db.prepare('UPDATE iam_roles SET description = ? WHERE id = ?').run(changes.description, id);
    }
    if (changes.maxSessionDuration !== undefined) {
      this.db.prepare('UPDATE iam_roles SET max_session_duration = ? WHERE id = ?').run(changes.maxSessionDuration, id);
    }
  }

  setTrustPolicy(id: string, document: string, principalIds: Readonly<Record<string, string>>): void {
    this.db
      .prepare('UPDATE iam_roles SET trust_policy = ?, trust_principal_ids = ? WHERE id = ?')
      .run(document, JSON.stringify(principalIds), id);
  }

  setPermissionsBoundary(id: string, policyArn: string | undefined): void {
    this.db.prepare('UPDATE iam_roles SET permissions_boundary = ? WHERE id = ?').run(policyArn ?? null, id);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM iam_roles WHERE id = ?').run(id);
  }

  boundaryUsage(account: string, policyArn: string): number {
    const row = this.db
      .prepare<[string, string], { n: number }>(
        'SELECT count(*) AS n FROM iam_roles WHERE account = ? AND permissions_boundary = ?',
      )
      .get(account, policyArn);
    return row?.n ?? 0;
  }
}
