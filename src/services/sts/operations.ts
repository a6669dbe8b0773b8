// STS operations: what each must be authorized for and which handler serves it.
import type { ServiceOperations } from '../types.js';
import { getCallerIdentity } from './handlers/get-caller-identity.js';

export const stsOperations: ServiceOperations = {
  GetCallerIdentity: { handle: getCallerIdentity },
};
