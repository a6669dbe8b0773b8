// AWS STS: temporary credentials and the caller's identity.
import { AwsError } from '../../core/aws-error.js';
import type { ServiceFactory } from '../types.js';
import { stsOperations } from './operations.js';

export const createStsService: ServiceFactory = () => ({
  id: 'sts',
  operations: stsOperations,
  accessDenied: (message) => new AwsError('AccessDenied', message, { status: 403 }),
});
