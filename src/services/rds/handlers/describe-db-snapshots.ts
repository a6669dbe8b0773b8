// DescribeDBSnapshots: the caller's snapshots, plus (IncludeShared / IncludePublic, or SnapshotType shared / public)
// other accounts' snapshots shared with the caller's account or with everyone. One snapshot may be named by
// identifier (the caller's) or by ARN (a shared one).
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { paginate } from '../paginate.js';
import type { RdsStore } from '../rds-store.js';
import type { SnapshotRecord } from '../repos/snapshots.js';
import { callerAccountOf, findSnapshot } from '../snapshot-access.js';
import { snapshotView } from '../views.js';

interface Listed {
  readonly snapshot: SnapshotRecord;
  readonly sharedAs: 'shared' | 'public' | undefined;
}

function sharedWithCaller(store: RdsStore, call: CallContext, publicToo: boolean, sharedToo: boolean): Listed[] {
  const account = callerAccountOf(call);
  const out: Listed[] = [];
  if (sharedToo) {
    for (const snapshot of store.snapshots.sharedWith(account, call.region, [account])) {
      out.push({ snapshot, sharedAs: 'shared' });
    }
  }
  if (publicToo) {
    const seen = new Set(out.map((l) => `${l.snapshot.account}/${l.snapshot.identifier}`));
    for (const snapshot of store.snapshots.sharedWith(account, call.region, ['all'])) {
      if (!seen.has(`${snapshot.account}/${snapshot.identifier}`)) out.push({ snapshot, sharedAs: 'public' });
    }
  }
  return out;
}

function listed(store: RdsStore, input: Shaped, call: CallContext): Listed[] {
  if (typeof input.DBSnapshotIdentifier === 'string') {
    const access = findSnapshot(store, call, input.DBSnapshotIdentifier);
    const sharedAs = access.own ? undefined : access.shares.includes(callerAccountOf(call)) ? 'shared' : 'public';
    return [{ snapshot: access.snapshot, sharedAs }];
  }
  const type = input.SnapshotType;
  const own: Listed[] =
    type === 'shared' || type === 'public'
      ? []
      : store.snapshots
          .list(callerAccountOf(call), call.region)
          .filter((s) => type === undefined || s.snapshotType === type)
          .map((snapshot) => ({ snapshot, sharedAs: undefined }));
  const others = sharedWithCaller(
    store,
    call,
    type === 'public' || (type !== 'shared' && input.IncludePublic === true),
    type === 'shared' || (type !== 'public' && input.IncludeShared === true),
  );
  return [...own, ...others];
}

export function describeDbSnapshots(store: RdsStore, input: Shaped, call: CallContext): Shaped {
  const instance =
    typeof input.DBInstanceIdentifier === 'string' ? input.DBInstanceIdentifier.toLowerCase() : undefined;
  const all = listed(store, input, call).filter(
    (l) => instance === undefined || l.snapshot.instanceIdentifier === instance,
  );
  const page = paginate(all, input);
  return {
    DBSnapshots: page.items.map((l) => snapshotView(l.snapshot, { status: 'available', sharedAs: l.sharedAs })),
    Marker: page.marker,
  };
}
