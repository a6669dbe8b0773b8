// RDS DB instances as stored, one row per instance identifier (lower case) in an account and region.
import type { Database } from '../../../storage/db.js';

export interface InstanceRecord {
  readonly account: string;
  readonly region: string;
  readonly identifier: string;
  /** `db-` followed by 26 characters, as DbiResourceId. */
  readonly resourceId: string;
  readonly instanceClass: string;
  readonly engine: string;
  readonly engineVersion: string;
  readonly masterUsername: string | undefined;
  readonly allocatedStorage: number;
  readonly port: number;
  readonly availabilityZone: string;
  readonly kmsKeyArn: string | undefined;
  readonly awsManagedKey: boolean;
  /** The storage data key, encrypted under the KMS key. */
  readonly dataKey: Buffer | undefined;
  readonly createdAt: number;
}

interface InstanceRow {
  account: string;
  region: string;
  identifier: string;
  resource_id: string;
  instance_class: string;
  engine: string;
  engine_version: string;
  master_username: string | null;
  allocated_storage: number;
  port: number;
  availability_zone: string;
  kms_key_arn: string | null;
  aws_managed_key: number;
  data_key: Buffer | null;
  created_at: number;
}

const COLUMNS =
  'account, region, identifier, resource_id, instance_class, engine, engine_version, master_username, ' +
  'allocated_storage, port, availability_zone, kms_key_arn, aws_managed_key, data_key, created_at';

function toRecord(row: InstanceRow): InstanceRecord {
  return {
    account: row.account,
    region: row.region,
    identifier: row.identifier,
    resourceId: row.resource_id,
    instanceClass: row.instance_class,
    engine: row.engine,
    engineVersion: row.engine_version,
    masterUsername: row.master_username ?? undefined,
    allocatedStorage: row.allocated_storage,
    port: row.port,
    availabilityZone: row.availability_zone,
    kmsKeyArn: row.kms_key_arn ?? undefined,
    awsManagedKey: row.aws_managed_key === 1,
    dataKey: row.data_key ?? undefined,
    createdAt: row.created_at,
  };
}

export class InstanceRepo {
  constructor(private readonly db: Database) {}

  insert(i: InstanceRecord): void {
    this.db
      .prepare(`INSERT INTO rds_instances (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        i.account,
        i.region,
        i.identifier,
        i.resourceId,
        i.instanceClass,
        i.engine,
        i.engineVersion,
        i.masterUsername ?? null,
        i.allocatedStorage,
        i.port,
        i.availabilityZone,
        i.kmsKeyArn ?? null,
        i.awsManagedKey ? 1 : 0,
        i.dataKey ?? null,
        i.createdAt,
      );
  }

  find(account: string, region: string, identifier: string): InstanceRecord | undefined {
    const row = this.db
      .prepare<[string, string, string], InstanceRow>(
        `SELECT ${COLUMNS} FROM rds_instances WHERE account = ? AND region = ? AND identifier = ?`,
      )
      .get(account, region, identifier);
    return row && toRecord(row);
  }

  list(account: string, region: string): InstanceRecord[] {
    return this.db
      .prepare<[string, string], InstanceRow>(
        `SELECT ${COLUMNS} FROM rds_instances WHERE account = ? AND region = ? ORDER BY identifier`,
      )
      .all(account, region)
      .map(toRecord);
  }

  delete(account: string, region: string, identifier: string): void {
    this.db
      .prepare('DELETE FROM rds_instances WHERE account = ? AND region = ? AND identifier = ?')
      .run(account, region, identifier);
  }
}
