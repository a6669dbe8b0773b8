// IAM instance profiles as stored, and the role each one holds (at most one, as AWS allows).
import type { Database } from '../../../storage/db.js';
import { entityArn } from '../arns.js';

export interface InstanceProfileRecord {
  /** `AIPA...` */
  readonly id: string;
  readonly account: string;
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  readonly createdAt: number;
}

interface ProfileRow {
  id: string;
  account: string;
  name: string;
  path: string;
  created_at: number;
}

const COLUMNS = 'p.id, p.account, p.name, p.path, p.created_at';

function toRecord(row: ProfileRow): InstanceProfileRecord {
  return {
    id: row.id,
    account: row.account,
    name: row.name,
    path: row.path,
    arn: entityArn(row.account, 'instance-profile', row.path, row.name),
    createdAt: row.created_at,
  };
}

/** Reads and writes `iam_instance_profiles` and their roles; callers run writes inside IamContext.write. */
export class InstanceProfileRepo {
  constructor(private readonly db: Database) {}

  insert(profile: Omit<InstanceProfileRecord, 'arn'>): void {
    this.db
      .prepare(
        'INSERT INTO iam_instance_profiles (id, account, name, name_lower, path, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(profile.id, profile.account, profile.name, profile.name.toLowerCase(), profile.path, profile.createdAt);
  }

  byName(account: string, name: string): InstanceProfileRecord | undefined {
    const row = this.db
      .prepare<[string, string], ProfileRow>(
        `SELECT ${COLUMNS} FROM iam_instance_profiles p WHERE account = ? AND name_lower = ?`,
      )
      .get(account, name.toLowerCase());
    return row && toRecord(row);
  }

  list(account: string): InstanceProfileRecord[] {
    return this.db
      .prepare<[string], ProfileRow>(
        `SELECT ${COLUMNS} FROM iam_instance_profiles p WHERE account = ? ORDER BY name_lower, name`,
      )
      .all(account)
      .map(toRecord);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM iam_instance_profiles WHERE id = ?').run(id);
  }

  addRole(profileId: string, roleId: string): void {
    this.db
      .prepare('INSERT INTO iam_instance_profile_roles (profile_id, role_id) VALUES (?, ?)')
      .run(profileId, roleId);
  }

  /** False when the role was not in the profile. */
  removeRole(profileId: string, roleId: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM iam_instance_profile_roles WHERE profile_id = ? AND role_id = ?')
        .run(profileId, roleId).changes > 0
    );
  }

  roleIds(profileId: string): string[] {
    return this.db
      .prepare<[string], { role_id: string }>('SELECT role_id FROM iam_instance_profile_roles WHERE profile_id = ?')
      .all(profileId)
      .map((row) => row.role_id);
  }

  /** The profiles holding the role, ordered by name. */
  profilesOf(roleId: string): InstanceProfileRecord[] {
    return this.db
      .prepare<[string], ProfileRow>(
        `SELECT ${COLUMNS} FROM iam_instance_profiles p JOIN iam_instance_profile_roles r ON r.profile_id = p.id
         WHERE r.role_id = ? ORDER BY p.name_lower, p.name`,
      )
      .all(roleId)
      .map(toRecord);
  }
}
