// IAM users' console passwords: only a salted scrypt hash is stored, never the password itself.
import { randomBytes, scryptSync } from 'node:crypto';
import type { Database } from '../../../storage/db.js';

export interface LoginProfileRecord {
  readonly userId: string;
  readonly resetRequired: boolean;
  readonly createdAt: number;
  readonly changedAt: number;
}

interface Row {
  user_id: string;
  password_hash: string;
  reset_required: number;
  created_at: number;
  changed_at: number;
}

const SCRYPT = { N: 16384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, KEY_BYTES, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export class LoginProfiles {
  constructor(private readonly db: Database) {}

  find(userId: string): LoginProfileRecord | undefined {
    const row = this.db.prepare<[string], Row>('SELECT * FROM iam_login_profiles WHERE user_id = ?').get(userId);
    return row ? toRecord(row) : undefined;
  }

  /** False when the user already has one. */
  create(userId: string, passwordHash: string, resetRequired: boolean, now: number): boolean {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO iam_login_profiles (user_id, password_hash, reset_required, created_at, changed_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(userId, passwordHash, resetRequired ? 1 : 0, now, now);
    return result.changes === 1;
  }

  update(userId: string, changes: { passwordHash?: string; resetRequired?: boolean; now: number }): void {
    if (changes.passwordHash !== undefined) {
      this.db
        .prepare('UPDATE iam_login_profiles SET password_hash = ?, changed_at = ? WHERE user_id = ?')
        .run(changes.passwordHash, changes.now, userId);
    }
    if (changes.resetRequired !== undefined) {
      this.db
        .prepare('UPDATE iam_login_profiles SET reset_required = ? WHERE user_id = ?')
        .run(changes.resetRequired ? 1 : 0, userId);
    }
  }

  delete(userId: string): void {
    this.db.prepare('DELETE FROM iam_login_profiles WHERE user_id = ?').run(userId);
  }
}

function toRecord(row: Row): LoginProfileRecord {
  return {
    userId: row.user_id,
    resetRequired: row.reset_required === 1,
    createdAt: row.created_at,
    changedAt: row.changed_at,
  };
}
