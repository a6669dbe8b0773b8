// DeleteDBSnapshot: removes one of the caller's manual snapshots (and with it every share of it).
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import type { RdsStore } from '../rds-store.js';
import { findSnapshot } from '../snapshot-access.js';
import { snapshotView } from '../views.js';

export function deleteDbSnapshot(store: RdsStore, input: Shaped, call: CallContext): Shaped {
  const { snapshot } = findSnapshot(store, call, String(input.DBSnapshotIdentifier), true);
  store.snapshots.delete(snapshot.account, snapshot.region, snapshot.identifier);
  return { DBSnapshot: snapshotView(snapshot, { status: 'deleted' }) };
}
