// DescribeDBInstances: one instance by identifier, or all of the caller's in the region.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { paginate } from '../paginate.js';
import { dbInstanceNotFound } from '../rds-errors.js';
import type { RdsStore } from '../rds-store.js';
import { callerAccountOf } from '../snapshot-access.js';
import { instanceView } from '../views.js';

export function describeDbInstances(store: RdsStore, input: Shaped, call: CallContext): Shaped {
  const account = callerAccountOf(call);
  let instances = store.instances.list(account, call.region);
  if (typeof input.DBInstanceIdentifier === 'string') {
    const wanted = input.DBInstanceIdentifier.toLowerCase();
    instances = instances.filter((i) => i.identifier === wanted);
    if (instances.length === 0) throw dbInstanceNotFound(input.DBInstanceIdentifier);
  }
  const page = paginate(instances, input);
  return { DBInstances: page.items.map((i) => instanceView(i, 'available')), Marker: page.marker };
}
