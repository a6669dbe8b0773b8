// KMS keys as stored: metadata, the key policy text and the secret key material (which never leaves the server).
import type { Database } from '../../../storage/db.js';
import type { PrincipalIds } from '../../bound-principals.js';
import { keyArn } from '../key-ids.js';

export type KeyState = 'Enabled' | 'Disabled' | 'PendingDeletion';
export type KeyManager = 'CUSTOMER' | 'AWS';

export interface KeyRecord {
  readonly id: string;
  readonly account: string;
  readonly region: string;
  readonly arn: string;
  readonly description: string;
  readonly keyUsage: string;
  readonly keySpec: string;
  readonly origin: string;
  readonly manager: KeyManager;
  readonly state: KeyState;
  readonly createdAt: number;
  readonly deletionDate: number | undefined;
  readonly pendingWindowDays: number | undefined;
  /** Automatic rotation's period; undefined while rotation is off. */
  readonly rotationPeriodDays: number | undefined;
  readonly policy: string;
  /** The unique ids the policy's user and role ARNs resolved to when it was saved (bound-principals.ts). */
  readonly policyPrincipalIds: PrincipalIds;
  readonly material: Buffer;
}

interface KeyRow {
  id: string;
  account: string;
  region: string;
  description: string;
  key_usage: string;
  key_spec: string;
  origin: string;
  manager: KeyManager;
  state: KeyState;
  created_at: number;
  deletion_date: number | null;
  pending_window_days: number | null;
  rotation_period_days: number | null;
  policy: string;
  policy_principal_ids: string;
  material: Buffer;
}

const COLUMNS =
  'id, account, region, description, key_usage, key_spec, origin, manager, state, created_at, deletion_date, ' +
  'pending_window_days, rotation_period_days, policy, policy_principal_ids, material';

function toRecord(row: KeyRow): KeyRecord {
  return {
    id: row.id,
    account: row.account,
    region: row.region,
    arn: keyArn(row.region, row.account, row.id),
    description: row.description,
    keyUsage: row.key_usage,
    keySpec: row.key_spec,
    origin: row.origin,
    manager: row.manager,
    state: row.state,
    createdAt: row.created_at,
    deletionDate: row.deletion_date ?? undefined,
    pendingWindowDays: row.pending_window_days ?? undefined,
    rotationPeriodDays: row.rotation_period_days ?? undefined,
    policy: row.policy,
    policyPrincipalIds: JSON.parse(row.policy_principal_ids) as PrincipalIds,
    material: row.material,
  };
}

/** A key whose waiting period has passed is deleted, whether or not its row is still there. */
export function isDeleted(key: KeyRecord, now: number): boolean {
  return key.state === 'PendingDeletion' && key.deletionDate !== undefined && now >= key.deletionDate;
}

/** Enough for every key a local setup uses; beyond it the oldest cached record goes. */
const CACHE_LIMIT = 1000;

export class KeyRepo {
  /**
   * Records by id: Encrypt, Decrypt and every SSE-KMS request read their key. Only committed rows are cached (reads
   * inside a transaction are not), and every write below evicts its key, so a rolled-back write leaves nothing stale.
   * INVARIANT: this repository is the only writer of kms_keys (KmsStore holds one per database).
   */
  private readonly cache = new Map<string, KeyRecord>();

  constructor(private readonly db: Database) {}

  insert(key: Omit<KeyRecord, 'arn'>): void {
    this.db
      .prepare(`INSERT INTO kms_keys (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        key.id,
        key.account,
        key.region,
        key.description,
        key.keyUsage,
        key.keySpec,
        key.origin,
        key.manager,
        key.state,
        key.createdAt,
        key.deletionDate ?? null,
        key.pendingWindowDays ?? null,
        key.rotationPeriodDays ?? null,
        key.policy,
        JSON.stringify(key.policyPrincipalIds),
        key.material,
      );
  }

  byId(id: string): KeyRecord | undefined {
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached;
    const row = this.db.prepare<[string], KeyRow>(`SELECT ${COLUMNS} FROM kms_keys WHERE id = ?`).get(id);
    if (row === undefined) return undefined;
    const record = toRecord(row);
    if (!this.db.raw.inTransaction) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(id, record);
    }
    return record;
  }

  /** The keys of an account in a region that are not deleted, oldest first. */
  list(account: string, region: string, now: number): KeyRecord[] {
    return this.db
      .prepare<[string, string, number], KeyRow>(
        `SELECT ${COLUMNS} FROM kms_keys WHERE account = ? AND region = ?
           AND NOT (state = 'PendingDeletion' AND deletion_date <= ?) ORDER BY created_at, id`,
      )
      .all(account, region, now)
      .map(toRecord);
  }

  setState(id: string, state: KeyState, deletionDate?: number, pendingWindowDays?: number): void {
    this.cache.delete(id);
    this.db
      .prepare('UPDATE kms_keys SET state = ?, deletion_date = ?, pending_window_days = ? WHERE id = ?')
      .run(state, deletionDate ?? null, pendingWindowDays ?? null, id);
  }

  setPolicy(id: string, policy: string, principalIds: PrincipalIds): void {
    this.cache.delete(id);
    this.db
      .prepare('UPDATE kms_keys SET policy = ?, policy_principal_ids = ? WHERE id = ?')
      .run(policy, JSON.stringify(principalIds), id);
  }

  setDescription(id: string, description: string): void {
    this.cache.delete(id);
    this.db.prepare('UPDATE kms_keys SET description = ? WHERE id = ?').run(description, id);
  }

  setRotation(id: string, periodDays: number | undefined): void {
    this.cache.delete(id);
    this.db.prepare('UPDATE kms_keys SET rotation_period_days = ? WHERE id = ?').run(periodDays ?? null, id);
  }
}
