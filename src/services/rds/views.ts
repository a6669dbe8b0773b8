// DBInstance and DBSnapshot as the RDS API returns them.
import { createHash } from 'node:crypto';
import type { Shaped } from '../../protocol/index.js';
import { licenseOf } from './engines.js';
import { dbArn, snapshotArn } from './rds-ids.js';
import type { InstanceRecord } from './repos/instances.js';
import type { SnapshotRecord } from './repos/snapshots.js';

/** The per-account part of endpoint host names (`<id>.<this>.<region>.rds.amazonaws.com`). */
function endpointLabel(account: string, region: string): string {
  return `c${createHash('sha256').update(`${account}/${region}`).digest('hex').slice(0, 11)}`;
}

export function instanceView(i: InstanceRecord, status: string): Shaped {
  return {
    DBInstanceIdentifier: i.identifier,
    DBInstanceClass: i.instanceClass,
    Engine: i.engine,
    DBInstanceStatus: status,
    MasterUsername: i.masterUsername,
    Endpoint: {
      Address: `${i.identifier}.${endpointLabel(i.account, i.region)}.${i.region}.rds.amazonaws.com`,
      Port: i.port,
      HostedZoneId: 'Z2R2ITUGPM61AM',
    },
    AllocatedStorage: i.allocatedStorage,
    InstanceCreateTime: new Date(i.createdAt),
    PreferredBackupWindow: '03:00-03:30',
    BackupRetentionPeriod: 1,
    DBSecurityGroups: [],
    VpcSecurityGroups: [],
    AvailabilityZone: i.availabilityZone,
    PreferredMaintenanceWindow: 'sun:05:00-sun:05:30',
    PendingModifiedValues: {},
    MultiAZ: false,
    EngineVersion: i.engineVersion,
    AutoMinorVersionUpgrade: true,
    LicenseModel: licenseOf(i.engine),
    PubliclyAccessible: false,
    StorageType: 'gp2',
    DbInstancePort: 0,
    StorageEncrypted: i.kmsKeyArn !== undefined,
    KmsKeyId: i.kmsKeyArn,
    DbiResourceId: i.resourceId,
    CopyTagsToSnapshot: false,
    MonitoringInterval: 0,
    DBInstanceArn: dbArn(i.region, i.account, i.identifier),
    IAMDatabaseAuthenticationEnabled: false,
    PerformanceInsightsEnabled: false,
    DeletionProtection: false,
    TagList: [],
    NetworkType: 'IPV4',
  };
}

export interface SnapshotPresentation {
  readonly status: string;
  /** Another account's snapshot is shown by ARN, with SnapshotType `shared` or `public`. */
  readonly sharedAs?: 'shared' | 'public';
}

export function snapshotView(s: SnapshotRecord, presentation: SnapshotPresentation): Shaped {
  const arn = snapshotArn(s.region, s.account, s.identifier);
  return {
    DBSnapshotIdentifier: presentation.sharedAs === undefined ? s.identifier : arn,
    DBInstanceIdentifier: s.instanceIdentifier,
    SnapshotCreateTime: new Date(s.createdAt),
    Engine: s.engine,
    AllocatedStorage: s.allocatedStorage,
    Status: presentation.status,
    Port: s.port,
    AvailabilityZone: s.availabilityZone,
    InstanceCreateTime: new Date(s.instanceCreatedAt),
    MasterUsername: s.masterUsername,
    EngineVersion: s.engineVersion,
    LicenseModel: licenseOf(s.engine),
    SnapshotType: presentation.sharedAs ?? s.snapshotType,
    PercentProgress: 100,
    SourceDBSnapshotIdentifier: s.sourceSnapshotArn,
    StorageType: 'gp2',
    Encrypted: s.kmsKeyArn !== undefined,
    KmsKeyId: s.kmsKeyArn,
    DBSnapshotArn: arn,
    IAMDatabaseAuthenticationEnabled: false,
    ProcessorFeatures: [],
    DbiResourceId: s.resourceId,
    TagList: [],
    SnapshotTarget: 'region',
    OriginalSnapshotCreateTime: new Date(s.createdAt),
    DedicatedLogVolume: false,
  };
}
