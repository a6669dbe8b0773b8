// CreateDBInstance: a DB instance record, available at once (no engine runs). With StorageEncrypted, RDS uses the
// KMS key named by KmsKeyId, or the account's AWS managed key `alias/aws/rds`, on the requester's behalf.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { engineDefaults } from '../engines.js';
import { newStorageKey, type StorageKey } from '../kms-use.js';
import { dbInstanceAlreadyExists, invalidParameterCombination } from '../rds-errors.js';
import { identifierOf, newResourceId } from '../rds-ids.js';
import type { RdsStore } from '../rds-store.js';
import type { InstanceRecord } from '../repos/instances.js';
import { callerAccountOf } from '../snapshot-access.js';
import { instanceView } from '../views.js';

export function instanceIdentifierOf(input: Shaped): string {
  return identifierOf('DBInstanceIdentifier', input.DBInstanceIdentifier, 63);
}

/** Fails when the caller already has an instance by that name. */
export function requireNewInstance(store: RdsStore, call: CallContext, identifier: string): void {
  if (store.instances.find(callerAccountOf(call), call.region, identifier) !== undefined) {
    throw dbInstanceAlreadyExists();
  }
}

export function createDbInstance(store: RdsStore, input: Shaped, call: CallContext): Shaped {
  const identifier = instanceIdentifierOf(input);
  const engine = String(input.Engine).toLowerCase();
  const defaults = engineDefaults(engine);
  if (input.KmsKeyId !== undefined && input.StorageEncrypted !== true) {
    throw invalidParameterCombination('A KMS key can be specified only when StorageEncrypted is true.');
  }
  requireNewInstance(store, call, identifier);
  const resourceId = newResourceId();
  const key: StorageKey | undefined =
    input.StorageEncrypted === true
      ? newStorageKey(call, typeof input.KmsKeyId === 'string' ? input.KmsKeyId : 'alias/aws/rds', resourceId)
      : undefined;
  const record: InstanceRecord = {
    account: callerAccountOf(call),
    region: call.region,
    identifier,
    resourceId,
    instanceClass: String(input.DBInstanceClass),
    engine,
    engineVersion: typeof input.EngineVersion === 'string' ? input.EngineVersion : defaults.version,
    masterUsername: typeof input.MasterUsername === 'string' ? input.MasterUsername : undefined,
    allocatedStorage: typeof input.AllocatedStorage === 'number' ? input.AllocatedStorage : 20,
    port: typeof input.Port === 'number' ? input.Port : defaults.port,
    availabilityZone: typeof input.AvailabilityZone === 'string' ? input.AvailabilityZone : `${call.region}a`,
    kmsKeyArn: key?.keyArn,
    awsManagedKey: key?.awsManaged === true,
    dataKey: key?.dataKey,
    createdAt: call.now,
  };
  store.db.transaction(() => {
    requireNewInstance(store, call, identifier);
    store.instances.insert(record);
  });
  return { DBInstance: instanceView(record, 'creating') };
}
