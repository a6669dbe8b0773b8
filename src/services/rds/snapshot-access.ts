// Who may see and use a DB snapshot: its own account, and the accounts its `restore` attribute names (`all`:
// every account). Another account names a shared snapshot by ARN; the sharing attribute becomes the resource
// policy of that request, so the engine also requires the caller's own IAM policy to allow (cross-account rule).
import { type CompiledPolicy, compilePolicy } from '../../policy/index.js';
import type { AuthorizationTarget, CallContext } from '../types.js';
import { dbSnapshotNotFound } from './rds-errors.js';
import { readSnapshotReference, snapshotArn } from './rds-ids.js';
import type { RdsStore } from './rds-store.js';
import type { SnapshotRecord } from './repos/snapshots.js';

export interface SnapshotAccess {
  readonly snapshot: SnapshotRecord;
  readonly arn: string;
  /** Whether the snapshot belongs to the caller's account. */
  readonly own: boolean;
  /** The `restore` attribute: account ids and `all`. */
  readonly shares: readonly string[];
}

export function callerAccountOf(call: CallContext): string {
  return call.caller.account ?? '';
}

/** The snapshot a request names, if the caller may see it; DBSnapshotNotFound otherwise, as for a missing one. */
export function findSnapshot(store: RdsStore, call: CallContext, text: string, ownOnly = false): SnapshotAccess {
  const ref = readSnapshotReference(text);
  const caller = callerAccountOf(call);
  const account = ref.account ?? caller;
  const snapshot =
    (ref.region ?? call.region) === call.region
      ? store.snapshots.find(account, call.region, ref.identifier)
      : undefined;
  if (snapshot === undefined || (ownOnly && account !== caller)) throw dbSnapshotNotFound(text);
  const shares = store.snapshots.shares(account, call.region, ref.identifier);
  const own = account === caller;
  if (!own && !shares.includes(caller) && !shares.includes('all')) throw dbSnapshotNotFound(text);
  return { snapshot, arn: snapshotArn(call.region, account, snapshot.identifier), own, shares };
}

/** `rds:<action>` on the snapshot; a shared snapshot carries its sharing attribute as the resource policy. */
export function snapshotTarget(action: string, access: SnapshotAccess): AuthorizationTarget {
  return {
    action,
    resource: access.arn,
    resourceAccount: access.snapshot.account,
    resourcePolicy: access.own ? undefined : sharingPolicy(access),
  };
}

function sharingPolicy(access: SnapshotAccess): CompiledPolicy | undefined {
  const principals = access.shares.includes('all') ? '*' : { AWS: access.shares.map((a) => `arn:aws:iam::${a}:root`) };
  return compilePolicy(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'restore',
          Effect: 'Allow',
          Principal: principals,
          Action: ['rds:CopyDBSnapshot', 'rds:RestoreDBInstanceFromDBSnapshot', 'rds:DescribeDBSnapshots'],
          Resource: access.arn,
        },
      ],
    },
    'resource',
    `rds-snapshot-attribute:${access.arn}`,
  ).policy;
}
