// KMS grants as stored: who may use which key for which operations, under which encryption context constraints.
import type { Database } from '../../../storage/db.js';
import type { PrincipalIds } from '../../bound-principals.js';

export type EncryptionContext = Readonly<Record<string, string>>;

export interface GrantConstraints {
  readonly EncryptionContextSubset?: EncryptionContext;
  readonly EncryptionContextEquals?: EncryptionContext;
}

export interface GrantRecord {
  readonly id: string;
  readonly keyId: string;
  readonly name: string | undefined;
  readonly grantee: string;
  readonly retiring: string | undefined;
  /** The unique ids the grantee and retiring principal resolved to, when they are IAM users or roles. */
  readonly principalIds: PrincipalIds;
  readonly operations: readonly string[];
  readonly constraints: GrantConstraints | undefined;
  /** The account of the key the grant was created on. */
  readonly issuingAccount: string;
  readonly createdAt: number;
  readonly token: string;
}

interface GrantRow {
  id: string;
  key_id: string;
  name: string | null;
  grantee: string;
  retiring: string | null;
  operations: string;
  constraints: string | null;
  issuing_account: string;
  created_at: number;
  token: string;
  principal_ids: string;
}

const COLUMNS =
  'id, key_id, name, grantee, retiring, operations, constraints, issuing_account, created_at, token, principal_ids';
const JOINED_COLUMNS = COLUMNS.split(', ')
  .map((column) => `g.${column}`)
  .join(', ');

function toRecord(row: GrantRow): GrantRecord {
  return {
    id: row.id,
    keyId: row.key_id,
    name: row.name ?? undefined,
    grantee: row.grantee,
    retiring: row.retiring ?? undefined,
    principalIds: JSON.parse(row.principal_ids) as PrincipalIds,
    operations: JSON.parse(row.operations) as string[],
    constraints: row.constraints === null ? undefined : (JSON.parse(row.constraints) as GrantConstraints),
    issuingAccount: row.issuing_account,
    createdAt: row.created_at,
    token: row.token,
  };
}

export class GrantRepo {
  constructor(private readonly db: Database) {}

  insert(grant: GrantRecord): void {
    this.db
      .prepare(`INSERT INTO kms_grants (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        grant.id,
        grant.keyId,
        grant.name ?? null,
        grant.grantee,
        grant.retiring ?? null,
        JSON.stringify(grant.operations),
        grant.constraints === undefined ? null : JSON.stringify(grant.constraints),
        grant.issuingAccount,
        grant.createdAt,
        grant.token,
        JSON.stringify(grant.principalIds),
      );
  }

  /** The grants of a key, oldest first. */
  forKey(keyId: string): GrantRecord[] {
    return this.db
      .prepare<[string], GrantRow>(`SELECT ${COLUMNS} FROM kms_grants WHERE key_id = ? ORDER BY created_at, id`)
      .all(keyId)
      .map(toRecord);
  }

  byId(id: string): GrantRecord | undefined {
    const row = this.db.prepare<[string], GrantRow>(`SELECT ${COLUMNS} FROM kms_grants WHERE id = ?`).get(id);
    return row && toRecord(row);
  }

  byToken(token: string): GrantRecord | undefined {
    const row = this.db.prepare<[string], GrantRow>(`SELECT ${COLUMNS} FROM kms_grants WHERE token = ?`).get(token);
    return row && toRecord(row);
  }

  /** Grants with this retiring principal on keys of the region, whichever account owns the key. */
  retirableBy(retiring: string, region: string): GrantRecord[] {
    return this.db
      .prepare<[string, string], GrantRow>(
        `SELECT ${JOINED_COLUMNS} FROM kms_grants g JOIN kms_keys k ON k.id = g.key_id
         WHERE g.retiring = ? AND k.region = ? ORDER BY g.created_at, g.id`,
      )
      .all(retiring, region)
      .map(toRecord);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM kms_grants WHERE id = ?').run(id);
  }
}
