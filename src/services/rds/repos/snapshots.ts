// RDS DB snapshots as stored, and the accounts each one is shared with (`all` meaning public).
import type { Database } from '../../../storage/db.js';

export interface SnapshotRecord {
  readonly account: string;
  readonly region: string;
  readonly identifier: string;
  readonly instanceIdentifier: string;
  /** The DbiResourceId of the instance the data came from. */
  readonly resourceId: string;
  readonly snapshotType: 'manual' | 'automated';
  readonly engine: string;
  readonly engineVersion: string;
  readonly masterUsername: string | undefined;
  readonly allocatedStorage: number;
  readonly port: number;
  readonly availabilityZone: string;
  readonly instanceCreatedAt: number;
  readonly kmsKeyArn: string | undefined;
  readonly awsManagedKey: boolean;
  readonly dataKey: Buffer | undefined;
  readonly sourceSnapshotArn: string | undefined;
  readonly createdAt: number;
}

interface SnapshotRow {
  account: string;
  region: string;
  identifier: string;
  instance_identifier: string;
  resource_id: string;
  snapshot_type: 'manual' | 'automated';
  engine: string;
  engine_version: string;
  master_username: string | null;
  allocated_storage: number;
  port: number;
  availability_zone: string;
  instance_created_at: number;
  kms_key_arn: string | null;
  aws_managed_key: number;
  data_key: Buffer | null;
  source_snapshot_arn: string | null;
  created_at: number;
}

const COLUMNS =
  'account, region, identifier, instance_identifier, resource_id, snapshot_type, engine, engine_version, ' +
  'master_username, allocated_storage, port, availability_zone, instance_created_at, kms_key_arn, aws_managed_key, ' +
  'data_key, source_snapshot_arn, created_at';
const JOINED_COLUMNS = COLUMNS.split(', ')
  .map((column) => `s.${column}`)
  .join(', ');

function toRecord(row: SnapshotRow): SnapshotRecord {
  return {
    account: row.account,
    region: row.region,
    identifier: row.identifier,
    instanceIdentifier: row.instance_identifier,
    resourceId: row.resource_id,
    snapshotType: row.snapshot_type,
    engine: row.engine,
    engineVersion: row.engine_version,
    masterUsername: row.master_username ?? undefined,
    allocatedStorage: row.allocated_storage,
    port: row.port,
    availabilityZone: row.availability_zone,
    instanceCreatedAt: row.instance_created_at,
    kmsKeyArn: row.kms_key_arn ?? undefined,
    awsManagedKey: row.aws_managed_key === 1,
    dataKey: row.data_key ?? undefined,
    sourceSnapshotArn: row.source_snapshot_arn ?? undefined,
    createdAt: row.created_at,
  };
}

export class SnapshotRepo {
  constructor(private readonly db: Database) {}

  insert(s: SnapshotRecord): void {
    this.db
      .prepare(`INSERT INTO rds_snapshots (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        s.account,
        s.region,
        s.identifier,
        s.instanceIdentifier,
        s.resourceId,
        s.snapshotType,
        s.engine,
        s.engineVersion,
        s.masterUsername ?? null,
        s.allocatedStorage,
        s.port,
        s.availabilityZone,
        s.instanceCreatedAt,
        s.kmsKeyArn ?? null,
        s.awsManagedKey ? 1 : 0,
        s.dataKey ?? null,
        s.sourceSnapshotArn ?? null,
        s.createdAt,
      );
  }

  find(account: string, region: string, identifier: string): SnapshotRecord | undefined {
    const row = this.db
      .prepare<[string, string, string], SnapshotRow>(
        `SELECT ${COLUMNS} FROM rds_snapshots WHERE account = ? AND region = ? AND identifier = ?`,
      )
      .get(account, region, identifier);
    return row && toRecord(row);
  }

  list(account: string, region: string): SnapshotRecord[] {
    return this.db
      .prepare<[string, string], SnapshotRow>(
        `SELECT ${COLUMNS} FROM rds_snapshots WHERE account = ? AND region = ? ORDER BY identifier`,
      )
      .all(account, region)
      .map(toRecord);
  }

  /** Other accounts' snapshots whose shares include one of `values` (the account id, `all`). */
  sharedWith(account: string, region: string, values: readonly string[]): SnapshotRecord[] {
    const placeholders = values.map(() => '?').join(', ');
    return this.db
      .prepare<string[], SnapshotRow>(
        `SELECT DISTINCT ${JOINED_COLUMNS} FROM rds_snapshots s JOIN rds_snapshot_shares h
           ON h.account = s.account AND h.region = s.region AND h.identifier = s.identifier
         WHERE s.region = ? AND s.account <> ? AND h.shared_with IN (${placeholders}) ORDER BY s.account, s.identifier`,
      )
      .all(region, account, ...values)
      .map(toRecord);
  }

  shares(account: string, region: string, identifier: string): string[] {
    return this.db
      .prepare<[string, string, string], { shared_with: string }>(
        'SELECT shared_with FROM rds_snapshot_shares WHERE account = ? AND region = ? AND identifier = ? ORDER BY shared_with',
      )
      .all(account, region, identifier)
      .map((row) => row.shared_with);
  }

  share(account: string, region: string, identifier: string, values: readonly string[]): void {
    const statement = this.db.prepare(
      'INSERT OR IGNORE INTO rds_snapshot_shares (account, region, identifier, shared_with) VALUES (?, ?, ?, ?)',
    );
    for (const value of values) statement.run(account, region, identifier, value);
  }

  unshare(account: string, region: string, identifier: string, values: readonly string[]): void {
    const statement = this.db.prepare(
      'DELETE FROM rds_snapshot_shares WHERE account = ? AND region = ? AND identifier = ? AND shared_with = ?',
    );
    for (const value of values) statement.run(account, region, identifier, value);
  }

  delete(account: string, region: string, identifier: string): void {
    this.db
      .prepare('DELETE FROM rds_snapshots WHERE account = ? AND region = ? AND identifier = ?')
      .run(account, region, identifier);
  }
}
