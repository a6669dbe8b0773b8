// KMS aliases as stored: a name per account and region pointing at one key of that account and region.
import type { Database } from '../../../storage/db.js';

export interface AliasRecord {
  readonly account: string;
  readonly region: string;
  readonly name: string;
  readonly keyId: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

interface AliasRow {
  account: string;
  region: string;
  name: string;
  key_id: string;
  created_at: number;
  updated_at: number;
}

function toRecord(row: AliasRow): AliasRecord {
  return {
    account: row.account,
    region: row.region,
    name: row.name,
    keyId: row.key_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const COLUMNS = 'account, region, name, key_id, created_at, updated_at';

export class AliasRepo {
  constructor(private readonly db: Database) {}

  insert(alias: AliasRecord): void {
    this.db
      .prepare(`INSERT INTO kms_aliases (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(alias.account, alias.region, alias.name, alias.keyId, alias.createdAt, alias.updatedAt);
  }

  find(account: string, region: string, name: string): AliasRecord | undefined {
    const row = this.db
      .prepare<[string, string, string], AliasRow>(
        `SELECT ${COLUMNS} FROM kms_aliases WHERE account = ? AND region = ? AND name = ?`,
      )
      .get(account, region, name);
    return row && toRecord(row);
  }

  /** Every alias of the account and region, ordered by name. */
  list(account: string, region: string): AliasRecord[] {
    return this.db
      .prepare<[string, string], AliasRow>(
        `SELECT ${COLUMNS} FROM kms_aliases WHERE account = ? AND region = ? ORDER BY name`,
      )
      .all(account, region)
      .map(toRecord);
  }

  namesOf(keyId: string): string[] {
    return this.db
      .prepare<[string], { name: string }>('SELECT name FROM kms_aliases WHERE key_id = ? ORDER BY name')
      .all(keyId)
      .map((row) => row.name);
  }

  retarget(account: string, region: string, name: string, keyId: string, now: number): void {
    this.db
      .prepare('UPDATE kms_aliases SET key_id = ?, updated_at = ? WHERE account = ? AND region = ? AND name = ?')
      .run(keyId, now, account, region, name);
  }

  delete(account: string, region: string, name: string): void {
    this.db.prepare('DELETE FROM kms_aliases WHERE account = ? AND region = ? AND name = ?').run(account, region, name);
  }
}
