// IAM groups as stored, and which users belong to them.
import type { Database } from '../../../storage/db.js';
import { entityArn } from '../arns.js';

export interface GroupRecord {
  /** `AGPA...` */
  readonly id: string;
  readonly account: string;
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  readonly createdAt: number;
}

interface GroupRow {
  id: string;
  account: string;
  name: string;
  path: string;
  created_at: number;
}

const COLUMNS = 'g.id, g.account, g.name, g.path, g.created_at';

function toRecord(row: GroupRow): GroupRecord {
  return {
    id: row.id,
    account: row.account,
    name: row.name,
    path: row.path,
    arn: entityArn(row.account, 'group', row.path, row.name),
    createdAt: row.created_at,
  };
}

/** Reads and writes `iam_groups` and `iam_group_members`; callers run writes inside IamContext.write. */
export class GroupRepo {
  constructor(private readonly db: Database) {}

  insert(group: Omit<GroupRecord, 'arn'>): void {
    this.db
      .prepare('INSERT INTO iam_groups (id, account, name, name_lower, path, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(group.id, group.account, group.name, group.name.toLowerCase(), group.path, group.createdAt);
  }

  byName(account: string, name: string): GroupRecord | undefined {
    const row = this.db
      .prepare<[string, string], GroupRow>(`SELECT ${COLUMNS} FROM iam_groups g WHERE account = ? AND name_lower = ?`)
      .get(account, name.toLowerCase());
    return row && toRecord(row);
  }

  byId(id: string): GroupRecord | undefined {
    const row = this.db.prepare<[string], GroupRow>(`SELECT ${COLUMNS} FROM iam_groups g WHERE id = ?`).get(id);
    return row && toRecord(row);
  }

  list(account: string): GroupRecord[] {
    return this.db
      .prepare<[string], GroupRow>(`SELECT ${COLUMNS} FROM iam_groups g WHERE account = ? ORDER BY name_lower, name`)
      .all(account)
      .map(toRecord);
  }

  rename(id: string, name: string, path: string): void {
    this.db
      .prepare('UPDATE iam_groups SET name = ?, name_lower = ?, path = ? WHERE id = ?')
      .run(name, name.toLowerCase(), path, id);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM iam_groups WHERE id = ?').run(id);
  }

  addMember(groupId: string, userId: string): void {
    this.db.prepare('INSERT OR IGNORE INTO iam_group_members (group_id, user_id) VALUES (?, ?)').run(groupId, userId);
  }

  /** False when the user was not a member. */
  removeMember(groupId: string, userId: string): boolean {
    return (
      this.db.prepare('DELETE FROM iam_group_members WHERE group_id = ? AND user_id = ?').run(groupId, userId).changes >
      0
    );
  }

  /** The ids of the group's members. */
  memberIds(groupId: string): string[] {
    return this.db
      .prepare<[string], { user_id: string }>('SELECT user_id FROM iam_group_members WHERE group_id = ?')
      .all(groupId)
      .map((row) => row.user_id);
  }

  /** The groups the user belongs to, ordered by name. */
  groupsOf(userId: string): GroupRecord[] {
    return this.db
      .prepare<[string], GroupRow>(
        `SELECT ${COLUMNS} FROM iam_groups g JOIN iam_group_members m ON m.group_id = g.id
         WHERE m.user_id = ? ORDER BY g.name_lower, g.name`,
      )
      .all(userId)
      .map(toRecord);
  }
}
