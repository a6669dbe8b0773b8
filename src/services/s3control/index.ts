// Amazon S3 Control: the account-level S3 settings xacct serves (Block Public Access).

import { plainAccessDenied } from '../s3/authorization/denial.js';
import type { ServiceFactory } from '../types.js';
import { s3ControlOperations } from './operations.js';

export const createS3ControlService: ServiceFactory = () => ({
  id: 's3control',
  operations: s3ControlOperations,
  accessDenied: () => plainAccessDenied(),
});
