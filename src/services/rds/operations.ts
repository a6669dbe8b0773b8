// RDS operations: the `rds:` action and the DB instance and snapshot ARNs each is authorized on, and the handler.
// A shared snapshot of another account is authorized with its sharing attribute as resource policy.
import type { Shaped } from '../../protocol/index.js';
import type { AuthorizationTarget, CallContext, ServiceOperations } from '../types.js';
import { copyDbSnapshot } from './handlers/copy-db-snapshot.js';
import { createDbInstance, instanceIdentifierOf } from './handlers/create-db-instance.js';
import { createDbSnapshot, snapshotIdentifierOf } from './handlers/create-db-snapshot.js';
import { deleteDbInstance } from './handlers/delete-db-instance.js';
import { deleteDbSnapshot } from './handlers/delete-db-snapshot.js';
import { describeDbInstances } from './handlers/describe-db-instances.js';
import { describeDbSnapshotAttributes } from './handlers/describe-db-snapshot-attributes.js';
import { describeDbSnapshots } from './handlers/describe-db-snapshots.js';
import { modifyDbSnapshotAttribute } from './handlers/modify-db-snapshot-attribute.js';
import { restoreDbInstanceFromDbSnapshot } from './handlers/restore-db-instance-from-db-snapshot.js';
import { dbArn, readSnapshotReference, snapshotArn } from './rds-ids.js';
import type { RdsStore } from './rds-store.js';
import { callerAccountOf, findSnapshot, snapshotTarget } from './snapshot-access.js';

function onDb(call: CallContext, action: string, identifier: unknown): AuthorizationTarget {
  const account = callerAccountOf(call);
  return { action, resource: dbArn(call.region, account, String(identifier).toLowerCase()), resourceAccount: account };
}

/** A snapshot of the caller's own account, by identifier or ARN. */
function onOwnSnapshot(call: CallContext, action: string, text: unknown): AuthorizationTarget {
  const account = callerAccountOf(call);
  const { identifier } = readSnapshotReference(String(text));
  return { action, resource: snapshotArn(call.region, account, identifier), resourceAccount: account };
}

function onAccount(call: CallContext, action: string): AuthorizationTarget {
  return { action, resource: '*', resourceAccount: callerAccountOf(call) };
}

function describeSnapshotsTarget(store: RdsStore, input: Shaped, call: CallContext): AuthorizationTarget {
  const action = 'rds:DescribeDBSnapshots';
  if (typeof input.DBSnapshotIdentifier === 'string') {
    return snapshotTarget(action, findSnapshot(store, call, input.DBSnapshotIdentifier));
  }
  if (typeof input.DBInstanceIdentifier === 'string') return onDb(call, action, input.DBInstanceIdentifier);
  return onAccount(call, action);
}

export function rdsOperations(store: RdsStore): ServiceOperations {
  return {
    CreateDBInstance: {
      authorization: (input, call) => onDb(call, 'rds:CreateDBInstance', instanceIdentifierOf(input)),
      handle: (input, call) => createDbInstance(store, input, call),
    },
    DescribeDBInstances: {
      authorization: (input, call) =>
        typeof input.DBInstanceIdentifier === 'string'
          ? onDb(call, 'rds:DescribeDBInstances', input.DBInstanceIdentifier)
          : onAccount(call, 'rds:DescribeDBInstances'),
      handle: (input, call) => describeDbInstances(store, input, call),
    },
    DeleteDBInstance: {
      authorization: (input, call) => onDb(call, 'rds:DeleteDBInstance', input.DBInstanceIdentifier),
      handle: (input, call) => deleteDbInstance(store, input, call),
    },
    CreateDBSnapshot: {
      authorization: (input, call) => [
        onDb(call, 'rds:CreateDBSnapshot', input.DBInstanceIdentifier),
        onOwnSnapshot(call, 'rds:CreateDBSnapshot', snapshotIdentifierOf(input)),
      ],
      handle: (input, call) => createDbSnapshot(store, input, call),
    },
    DescribeDBSnapshots: {
      authorization: (input, call) => describeSnapshotsTarget(store, input, call),
      handle: (input, call) => describeDbSnapshots(store, input, call),
    },
    ModifyDBSnapshotAttribute: {
      authorization: (input, call) => onOwnSnapshot(call, 'rds:ModifyDBSnapshotAttribute', input.DBSnapshotIdentifier),
      handle: (input, call) => modifyDbSnapshotAttribute(store, input, call),
    },
    DescribeDBSnapshotAttributes: {
      authorization: (input, call) =>
        onOwnSnapshot(call, 'rds:DescribeDBSnapshotAttributes', input.DBSnapshotIdentifier),
      handle: (input, call) => describeDbSnapshotAttributes(store, input, call),
    },
    CopyDBSnapshot: {
      authorization: (input, call) => [
        snapshotTarget('rds:CopyDBSnapshot', findSnapshot(store, call, String(input.SourceDBSnapshotIdentifier))),
        onOwnSnapshot(call, 'rds:CopyDBSnapshot', snapshotIdentifierOf(input, 'TargetDBSnapshotIdentifier')),
      ],
      handle: (input, call) => copyDbSnapshot(store, input, call),
    },
    RestoreDBInstanceFromDBSnapshot: {
      authorization: (input, call) => [
        onDb(call, 'rds:RestoreDBInstanceFromDBSnapshot', instanceIdentifierOf(input)),
        snapshotTarget(
          'rds:RestoreDBInstanceFromDBSnapshot',
          findSnapshot(store, call, String(input.DBSnapshotIdentifier)),
        ),
      ],
      handle: (input, call) => restoreDbInstanceFromDbSnapshot(store, input, call),
    },
    DeleteDBSnapshot: {
      authorization: (input, call) => onOwnSnapshot(call, 'rds:DeleteDBSnapshot', input.DBSnapshotIdentifier),
      handle: (input, call) => deleteDbSnapshot(store, input, call),
    },
  };
}
