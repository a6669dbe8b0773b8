// CreateDBSnapshot: a manual snapshot of an instance, encrypted like the instance (same key, same data key).
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { dbInstanceNotFound, dbSnapshotAlreadyExists } from '../rds-errors.js';
import { identifierOf } from '../rds-ids.js';
import type { RdsStore } from '../rds-store.js';
import type { InstanceRecord } from '../repos/instances.js';
import type { SnapshotRecord } from '../repos/snapshots.js';
import { callerAccountOf } from '../snapshot-access.js';
import { snapshotView } from '../views.js';

export function snapshotIdentifierOf(input: Shaped, member = 'DBSnapshotIdentifier'): string {
  return identifierOf(member, input[member], 255);
}

export function requireNewSnapshot(store: RdsStore, call: CallContext, identifier: string): void {
  if (store.snapshots.find(callerAccountOf(call), call.region, identifier) !== undefined) {
    throw dbSnapshotAlreadyExists(identifier);
  }
}

export function snapshotOfInstance(instance: InstanceRecord, identifier: string, now: number): SnapshotRecord {
  return {
    account: instance.account,
    region: instance.region,
    identifier,
    instanceIdentifier: instance.identifier,
    resourceId: instance.resourceId,
    snapshotType: 'manual',
    engine: instance.engine,
    engineVersion: instance.engineVersion,
    masterUsername: instance.masterUsername,
    allocatedStorage: instance.allocatedStorage,
    port: instance.port,
    availabilityZone: instance.availabilityZone,
    instanceCreatedAt: instance.createdAt,
    kmsKeyArn: instance.kmsKeyArn,
    awsManagedKey: instance.awsManagedKey,
    dataKey: instance.dataKey,
    sourceSnapshotArn: undefined,
    createdAt: now,
  };
}

export function createDbSnapshot(store: RdsStore, input: Shaped, call: CallContext): Shaped {
  const identifier = snapshotIdentifierOf(input);
  const instanceId = String(input.DBInstanceIdentifier).toLowerCase();
  const instance = store.instances.find(callerAccountOf(call), call.region, instanceId);
  if (instance === undefined) throw dbInstanceNotFound(String(input.DBInstanceIdentifier));
  const snapshot = snapshotOfInstance(instance, identifier, call.now);
  store.db.transaction(() => {
    requireNewSnapshot(store, call, identifier);
    store.snapshots.insert(snapshot);
  });
  return { DBSnapshot: snapshotView(snapshot, { status: 'creating' }) };
}
