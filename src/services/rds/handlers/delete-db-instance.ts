// DeleteDBInstance: removes the instance, first taking a final snapshot unless SkipFinalSnapshot says not to.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { dbInstanceNotFound, invalidParameterCombination } from '../rds-errors.js';
import { identifierOf } from '../rds-ids.js';
import type { RdsStore } from '../rds-store.js';
import { callerAccountOf } from '../snapshot-access.js';
import { instanceView } from '../views.js';
import { requireNewSnapshot, snapshotOfInstance } from './create-db-snapshot.js';

export function deleteDbInstance(store: RdsStore, input: Shaped, call: CallContext): Shaped {
  const account = callerAccountOf(call);
  const identifier = String(input.DBInstanceIdentifier).toLowerCase();
  const instance = store.instances.find(account, call.region, identifier);
  if (instance === undefined) throw dbInstanceNotFound(String(input.DBInstanceIdentifier));
  const skip = input.SkipFinalSnapshot === true;
  if (skip && input.FinalDBSnapshotIdentifier !== undefined) {
    throw invalidParameterCombination('FinalDBSnapshotIdentifier can not be specified when SkipFinalSnapshot is true.');
  }
  if (!skip && input.FinalDBSnapshotIdentifier === undefined) {
    throw invalidParameterCombination('FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.');
  }
  const finalIdentifier = skip
    ? undefined
    : identifierOf('FinalDBSnapshotIdentifier', input.FinalDBSnapshotIdentifier, 255);
  store.db.transaction(() => {
    if (finalIdentifier !== undefined) {
      requireNewSnapshot(store, call, finalIdentifier);
      store.snapshots.insert(snapshotOfInstance(instance, finalIdentifier, call.now));
    }
    store.instances.delete(account, call.region, identifier);
  });
  return { DBInstance: instanceView(instance, 'deleting') };
}
