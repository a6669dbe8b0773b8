// CopyDBSnapshot: copies one of the caller's snapshots, or one shared with the caller (named by ARN), into a new
// manual snapshot of the caller's account. An encrypted snapshot shared from another account must be re-encrypted
// under a key of the caller's choosing (KmsKeyId), and the caller must be able to use the source key through its
// key policy: RDS decrypts the source data key as the requester.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { newStorageKey, openStorageKey, type StorageKey } from '../kms-use.js';
import { invalidParameterValue } from '../rds-errors.js';
import type { RdsStore } from '../rds-store.js';
import type { SnapshotRecord } from '../repos/snapshots.js';
import { callerAccountOf, findSnapshot, type SnapshotAccess } from '../snapshot-access.js';
import { snapshotView } from '../views.js';
import { requireNewSnapshot, snapshotIdentifierOf } from './create-db-snapshot.js';

/** The key and data key of the copy: the source's when it stays in the account and no new key is asked for. */
function copyKey(call: CallContext, source: SnapshotAccess, kmsKeyId: string | undefined): StorageKey | undefined {
  const { snapshot } = source;
  if (snapshot.kmsKeyArn !== undefined && snapshot.dataKey !== undefined) {
    if (kmsKeyId === undefined) {
      if (!source.own) {
        throw invalidParameterValue(
          'KmsKeyId is required when copying an encrypted DB snapshot shared from another AWS account.',
        );
      }
      return { keyArn: snapshot.kmsKeyArn, awsManaged: snapshot.awsManagedKey, dataKey: snapshot.dataKey };
    }
    openStorageKey(call, snapshot.kmsKeyArn, snapshot.dataKey, snapshot.resourceId);
  }
  return kmsKeyId === undefined ? undefined : newStorageKey(call, kmsKeyId, snapshot.resourceId);
}

export function copyDbSnapshot(store: RdsStore, input: Shaped, call: CallContext): Shaped {
  const source = findSnapshot(store, call, String(input.SourceDBSnapshotIdentifier));
  const identifier = snapshotIdentifierOf(input, 'TargetDBSnapshotIdentifier');
  requireNewSnapshot(store, call, identifier);
  const key = copyKey(call, source, typeof input.KmsKeyId === 'string' ? input.KmsKeyId : undefined);
  const copy: SnapshotRecord = {
    ...source.snapshot,
    account: callerAccountOf(call),
    identifier,
    snapshotType: 'manual',
    kmsKeyArn: key?.keyArn,
    awsManagedKey: key?.awsManaged === true,
    dataKey: key?.dataKey,
    sourceSnapshotArn: source.arn,
    createdAt: call.now,
  };
  store.db.transaction(() => {
    requireNewSnapshot(store, call, identifier);
    store.snapshots.insert(copy);
  });
  return { DBSnapshot: snapshotView(copy, { status: 'pending' }) };
}
