// ModifyDBSnapshotAttribute: shares a manual snapshot (`restore` attribute) with other accounts, or with all of
// them. Encrypted snapshots can be shared only with named accounts, and not when encrypted with the account's AWS
// managed key `aws/rds` (the other account could never use that key).
import { AwsError } from '../../../core/aws-error.js';
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { invalidParameterValue } from '../rds-errors.js';
import type { RdsStore } from '../rds-store.js';
import type { SnapshotRecord } from '../repos/snapshots.js';
import { findSnapshot } from '../snapshot-access.js';

const MAX_SHARED_ACCOUNTS = 20;

export function attributesResult(store: RdsStore, snapshot: SnapshotRecord): Shaped {
  return {
    DBSnapshotAttributesResult: {
      DBSnapshotIdentifier: snapshot.identifier,
      DBSnapshotAttributes: [
        {
          AttributeName: 'restore',
          AttributeValues: store.snapshots.shares(snapshot.account, snapshot.region, snapshot.identifier),
        },
      ],
    },
  };
}

function checkValues(snapshot: SnapshotRecord, values: readonly string[]): void {
  for (const value of values) {
    if (value !== 'all' && !/^\d{12}$/.test(value)) throw invalidParameterValue(`Invalid AWS account ID: ${value}`);
  }
  if (values.length === 0 || snapshot.kmsKeyArn === undefined) return;
  if (snapshot.awsManagedKey) {
    throw invalidParameterValue(
      'Cannot share a snapshot encrypted with the default AWS KMS key (aws/rds). Copy the snapshot with a customer managed KMS key, and share the copy.',
    );
  }
  if (values.includes('all')) throw invalidParameterValue('Encrypted snapshots cannot be shared publicly.');
}

export function modifyDbSnapshotAttribute(store: RdsStore, input: Shaped, call: CallContext): Shaped {
  const { snapshot } = findSnapshot(store, call, String(input.DBSnapshotIdentifier), true);
  if (input.AttributeName !== 'restore') {
    throw invalidParameterValue(`Invalid DB snapshot attribute name: ${String(input.AttributeName)}`);
  }
  const add = (input.ValuesToAdd as string[] | undefined) ?? [];
  const remove = (input.ValuesToRemove as string[] | undefined) ?? [];
  checkValues(snapshot, add);
  const { account, region, identifier } = snapshot;
  store.db.transaction(() => {
    store.snapshots.unshare(account, region, identifier, remove);
    store.snapshots.share(account, region, identifier, add);
    if (store.snapshots.shares(account, region, identifier).filter((v) => v !== 'all').length > MAX_SHARED_ACCOUNTS) {
      throw new AwsError(
        'SharedSnapshotQuotaExceeded',
        `You have exceeded the maximum number of accounts (${MAX_SHARED_ACCOUNTS}) that a manual DB snapshot can be shared with.`,
      );
    }
  });
  return attributesResult(store, snapshot);
}
