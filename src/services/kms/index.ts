// AWS KMS: symmetric keys with real AES-256-GCM cryptography, key policies, aliases, grants and AWS managed keys.
import type { ServiceFactory } from '../types.js';
import { kmsAccessDenied } from './kms-errors.js';
import { KmsStore } from './kms-store.js';
import { kmsOperations } from './operations.js';

export const createKmsService: ServiceFactory = (deps) => ({
  id: 'kms',
  operations: kmsOperations({ store: KmsStore.of(deps.storage.db), deps }),
  accessDenied: kmsAccessDenied,
});
