// Customer managed policies as stored, with their versions (v1, v2, ...; one of them the default).
import type { Database } from '../../../storage/db.js';

export interface StoredPolicy {
  /** `ANPA...` */
  readonly id: string;
  readonly account: string;
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  readonly description: string | undefined;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly defaultVersion: string;
  /** The number the next version gets (versions are never renumbered). */
  readonly nextVersion: number;
}

export interface PolicyVersionRecord {
  readonly versionId: string;
  readonly document: string;
  readonly createdAt: number;
}

interface PolicyRow {
  id: string;
  account: string;
  name: string;
  path: string;
  arn: string;
  description: string | null;
  created_at: number;
  updated_at: number;
  default_version: string;
  next_version: number;
}

const COLUMNS = 'id, account, name, path, arn, description, created_at, updated_at, default_version, next_version';

function toRecord(row: PolicyRow): StoredPolicy {
  return {
    id: row.id,
    account: row.account,
    name: row.name,
    path: row.path,
    arn: row.arn,
    description: row.description ?? undefined,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    defaultVersion: row.default_version,
    nextVersion: row.next_version,
  };
}

/** Reads and writes `iam_policies` and `iam_policy_versions`; callers run writes inside IamContext.write. */
export class ManagedPolicyRepo {
  constructor(private readonly db: Database) {}

  insert(policy: StoredPolicy, firstVersion: PolicyVersionRecord): void {
    this.db
      .prepare(`INSERT INTO iam_policies (${COLUMNS}, name_lower) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        policy.id,
        policy.account,
        policy.name,
        policy.path,
        policy.arn,
        policy.description ?? null,
        policy.createdAt,
        policy.updatedAt,
        policy.defaultVersion,
        policy.nextVersion,
        policy.name.toLowerCase(),
      );
    this.insertVersion(policy.id, firstVersion);
  }

  byArn(arn: string): StoredPolicy | undefined {
    const row = this.db.prepare<[string], PolicyRow>(`SELECT ${COLUMNS} FROM iam_policies WHERE arn = ?`).get(arn);
    return row && toRecord(row);
  }

  byName(account: string, name: string): StoredPolicy | undefined {
    const row = this.db
      .prepare<[string, string], PolicyRow>(`SELECT ${COLUMNS} FROM iam_policies WHERE account = ? AND name_lower = ?`)
      .get(account, name.toLowerCase());
    return row && toRecord(row);
  }

  list(account: string): StoredPolicy[] {
    return this.db
      .prepare<[string], PolicyRow>(`SELECT ${COLUMNS} FROM iam_policies WHERE account = ? ORDER BY name_lower, name`)
      .all(account)
      .map(toRecord);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM iam_policy_versions WHERE policy_id = ?').run(id);
    this.db.prepare('DELETE FROM iam_policies WHERE id = ?').run(id);
  }

  versions(policyId: string): PolicyVersionRecord[] {
    return this.db
      .prepare<[string], { version_id: string; document: string; created_at: number }>(
        `SELECT version_id, document, created_at FROM iam_policy_versions WHERE policy_id = ?
         ORDER BY CAST(substr(version_id, 2) AS INTEGER) DESC`,
      )
      .all(policyId)
      .map((row) => ({ versionId: row.version_id, document: row.document, createdAt: row.created_at }));
  }

  version(policyId: string, versionId: string): PolicyVersionRecord | undefined {
    const row = this.db
      .prepare<[string, string], { version_id: string; document: string; created_at: number }>(
        'SELECT version_id, document, created_at FROM iam_policy_versions WHERE policy_id = ? AND version_id = ?',
      )
      .get(policyId, versionId);
    return row && { versionId: row.version_id, document: row.document, createdAt: row.created_at };
  }

  /** Adds the next version; `setAsDefault` also makes it the default. Returns the new version's id. */
  addVersion(policy: StoredPolicy, document: string, now: number, setAsDefault: boolean): string {
    const versionId = `v${policy.nextVersion}`;
    this.insertVersion(policy.id, { versionId, document, createdAt: now });
    this.db
      .prepare('UPDATE iam_policies SET next_version = ?, updated_at = ? WHERE id = ?')
      .run(policy.nextVersion + 1, now, policy.id);
    if (setAsDefault) this.setDefault(policy.id, versionId);
    return versionId;
  }

  /** UpdateDate stays: AWS defines it as the creation time of the newest version. */
  setDefault(policyId: string, versionId: string): void {
    this.db.prepare('UPDATE iam_policies SET default_version = ? WHERE id = ?').run(versionId, policyId);
  }

  deleteVersion(policyId: string, versionId: string): void {
    this.db.prepare('DELETE FROM iam_policy_versions WHERE policy_id = ? AND version_id = ?').run(policyId, versionId);
  }

  private insertVersion(policyId: string, version: PolicyVersionRecord): void {
    this.db
      .prepare('INSERT INTO iam_policy_versions (policy_id, version_id, document, created_at) VALUES (?, ?, ?, ?)')
      .run(policyId, version.versionId, version.document, version.createdAt);
  }
}
