// RestoreDBInstanceFromDBSnapshot: a new instance from one of the caller's snapshots, or from an unencrypted
// snapshot shared with the caller (named by ARN). A shared encrypted snapshot must be copied first.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { newStorageKey } from '../kms-use.js';
import { invalidParameterValue } from '../rds-errors.js';
import { newResourceId } from '../rds-ids.js';
import type { RdsStore } from '../rds-store.js';
import type { InstanceRecord } from '../repos/instances.js';
import { callerAccountOf, findSnapshot } from '../snapshot-access.js';
import { instanceView } from '../views.js';
import { instanceIdentifierOf, requireNewInstance } from './create-db-instance.js';

export function restoreDbInstanceFromDbSnapshot(store: RdsStore, input: Shaped, call: CallContext): Shaped {
  const identifier = instanceIdentifierOf(input);
  const source = findSnapshot(store, call, String(input.DBSnapshotIdentifier));
  const { snapshot } = source;
  if (!source.own && snapshot.kmsKeyArn !== undefined) {
    throw invalidParameterValue(
      'You cannot restore from a shared encrypted DB snapshot. Copy the snapshot to your account and restore from the copy.',
    );
  }
  requireNewInstance(store, call, identifier);
  const resourceId = newResourceId();
  // The restored volumes get their own data key under the snapshot's KMS key.
  const key = snapshot.kmsKeyArn === undefined ? undefined : newStorageKey(call, snapshot.kmsKeyArn, resourceId);
  const instance: InstanceRecord = {
    account: callerAccountOf(call),
    region: call.region,
    identifier,
    resourceId,
    instanceClass: typeof input.DBInstanceClass === 'string' ? input.DBInstanceClass : 'db.t3.micro',
    engine: snapshot.engine,
    engineVersion: snapshot.engineVersion,
    masterUsername: snapshot.masterUsername,
    allocatedStorage: snapshot.allocatedStorage,
    port: typeof input.Port === 'number' ? input.Port : snapshot.port,
    availabilityZone: typeof input.AvailabilityZone === 'string' ? input.AvailabilityZone : snapshot.availabilityZone,
    kmsKeyArn: key?.keyArn,
    awsManagedKey: key?.awsManaged === true,
    dataKey: key?.dataKey,
    createdAt: call.now,
  };
  store.db.transaction(() => {
    requireNewInstance(store, call, identifier);
    store.instances.insert(instance);
  });
  return { DBInstance: instanceView(instance, 'creating') };
}
