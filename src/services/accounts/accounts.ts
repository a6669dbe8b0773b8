// The accounts xacct simulates. An account exists once its root has signed a request (or a world or
// Organizations created it); each has a canonical user id, as S3 ACLs and CanonicalUser principals need.
import { randomBytes } from 'node:crypto';
import { isoSeconds } from '../../core/clock.js';
import type { Database } from '../../storage/db.js';

export interface AccountRecord {
  readonly id: string;
  readonly canonicalUserId: string;
  readonly alias: string | undefined;
  readonly createdAt: string;
}

interface AccountRow {
  id: string;
  canonical_user_id: string;
  alias: string | null;
  created_at: string;
}

export class Accounts {
  private readonly known = new Map<string, AccountRecord>();

  constructor(private readonly db: Database) {}

  /** The account, created when it does not exist yet. */
  ensure(id: string, nowMs: number): AccountRecord {
    const cached = this.known.get(id);
    if (cached) return cached;
    this.db
      .prepare('INSERT OR IGNORE INTO accounts (id, canonical_user_id, alias, created_at) VALUES (?, ?, NULL, ?)')
      .run(id, randomBytes(32).toString('hex'), isoSeconds(nowMs));
    const record = this.find(id);
    if (!record) throw new Error(`account ${id} could not be created`);
    return record;
  }

  find(id: string): AccountRecord | undefined {
    const cached = this.known.get(id);
    if (cached) return cached;
    const row = this.db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE id = ?').get(id);
    if (!row) return undefined;
    const record = toRecord(row);
    this.known.set(id, record);
    return record;
  }

  list(): AccountRecord[] {
    return this.db.prepare<[], AccountRow>('SELECT * FROM accounts ORDER BY id').all().map(toRecord);
  }

  setAlias(id: string, alias: string | undefined): void {
    this.db.prepare('UPDATE accounts SET alias = ? WHERE id = ?').run(alias ?? null, id);
    this.known.delete(id);
  }

  findByCanonicalUserId(canonicalUserId: string): AccountRecord | undefined {
    const row = this.db
      .prepare<[string], AccountRow>('SELECT * FROM accounts WHERE canonical_user_id = ?')
      .get(canonicalUserId);
    return row ? toRecord(row) : undefined;
  }
}

function toRecord(row: AccountRow): AccountRecord {
  return {
    id: row.id,
    canonicalUserId: row.canonical_user_id,
    alias: row.alias ?? undefined,
    createdAt: row.created_at,
  };
}
