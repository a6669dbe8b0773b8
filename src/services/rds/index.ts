// Amazon RDS, control plane only: DB instances and snapshots as records, snapshot sharing across accounts, and
// storage encryption through KMS on the requester's behalf.
import type { ServiceFactory } from '../types.js';
import { rdsOperations } from './operations.js';
import { rdsAccessDenied } from './rds-errors.js';
import { RdsStore } from './rds-store.js';

export const createRdsService: ServiceFactory = (deps) => ({
  id: 'rds',
  operations: rdsOperations(new RdsStore(deps.storage.db)),
  accessDenied: rdsAccessDenied,
});
