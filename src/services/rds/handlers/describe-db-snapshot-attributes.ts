// DescribeDBSnapshotAttributes: who a manual snapshot of the caller's is shared with (`restore`).
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import type { RdsStore } from '../rds-store.js';
import { findSnapshot } from '../snapshot-access.js';
import { attributesResult } from './modify-db-snapshot-attribute.js';

export function describeDbSnapshotAttributes(store: RdsStore, input: Shaped, call: CallContext): Shaped {
  const { snapshot } = findSnapshot(store, call, String(input.DBSnapshotIdentifier), true);
  return attributesResult(store, snapshot);
}
