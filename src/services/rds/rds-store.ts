// RDS state for one app: the instance and snapshot repositories over the shared database.
import type { Database } from '../../storage/db.js';
import { InstanceRepo } from './repos/instances.js';
import { SnapshotRepo } from './repos/snapshots.js';

export class RdsStore {
  readonly instances: InstanceRepo;
  readonly snapshots: SnapshotRepo;

  constructor(readonly db: Database) {
    this.instances = new InstanceRepo(db);
    this.snapshots = new SnapshotRepo(db);
  }
}
