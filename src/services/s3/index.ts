// Amazon S3: buckets and their configuration, objects, and the authorization S3 applies to both.
import type { ServiceFactory } from '../types.js';
import { plainAccessDenied } from './authorization/denial.js';
import { corsResponseHeaders } from './cors/cors-response.js';
import { bucketOperations } from './operations/buckets.js';
import { objectOperations } from './operations/objects.js';
import { isBlobReferenced } from './repos/objects.js';

export const createS3Service: ServiceFactory = (deps) => ({
  id: 's3',
  operations: { ...bucketOperations, ...objectOperations },
  // Every S3 target carries its own denial error; this covers any that does not, without telling outsiders why.
  accessDenied: () => plainAccessDenied(),
  decorateResponse: corsResponseHeaders(deps.storage.db),
  start: async () => {
    const { db, blobs } = deps.storage;
    // INVARIANT: never sweep without asking the object rows, or every object body would be deleted.
    await blobs.sweepOrphans((id) => isBlobReferenced(db, id));
  },
});
