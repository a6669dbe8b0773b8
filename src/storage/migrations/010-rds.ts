// Migration 10: RDS DB instances and DB snapshots as records (no database engine runs), and the accounts each
// manual snapshot is shared with (`all` for public). Encrypted ones keep their key's ARN, whether it is the AWS
// managed key (such snapshots cannot be shared), and their data key as a KMS ciphertext blob.
import type { Database } from '../db.js';

export const version = 10;
export const name = 'rds';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE rds_instances (
      account TEXT NOT NULL,
      region TEXT NOT NULL,
      identifier TEXT NOT NULL,
      resource_id TEXT NOT NULL UNIQUE,
      instance_class TEXT NOT NULL,
      engine TEXT NOT NULL,
      engine_version TEXT NOT NULL,
      master_username TEXT,
      allocated_storage INTEGER NOT NULL,
      port INTEGER NOT NULL,
      availability_zone TEXT NOT NULL,
      kms_key_arn TEXT,
      aws_managed_key INTEGER NOT NULL DEFAULT 0,
      data_key BLOB,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (account, region, identifier)
    ) STRICT;
    CREATE TABLE rds_snapshots (
      account TEXT NOT NULL,
      region TEXT NOT NULL,
      identifier TEXT NOT NULL,
      instance_identifier TEXT NOT NULL,
      resource_id TEXT NOT NULL,
      snapshot_type TEXT NOT NULL,
      engine TEXT NOT NULL,
      engine_version TEXT NOT NULL,
      master_username TEXT,
      allocated_storage INTEGER NOT NULL,
      port INTEGER NOT NULL,
      availability_zone TEXT NOT NULL,
      instance_created_at INTEGER NOT NULL,
      kms_key_arn TEXT,
      aws_managed_key INTEGER NOT NULL DEFAULT 0,
      data_key BLOB,
      source_snapshot_arn TEXT,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (account, region, identifier)
    ) STRICT;
    CREATE TABLE rds_snapshot_shares (
      account TEXT NOT NULL,
      region TEXT NOT NULL,
      identifier TEXT NOT NULL,
      shared_with TEXT NOT NULL,
      PRIMARY KEY (account, region, identifier, shared_with),
      FOREIGN KEY (account, region, identifier) REFERENCES rds_snapshots (account, region, identifier) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX rds_snapshot_shares_with ON rds_snapshot_shares (shared_with, region);
  `);
}
