// GetBucketCors: the stored rules, or NoSuchCORSConfiguration (404).
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { configurationNotFound } from './bucket-errors.js';

export function getBucketCors(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const rules = bucket.configs.cors;
  if (rules === undefined) {
    throw configurationNotFound('NoSuchCORSConfiguration', 'The CORS configuration does not exist', bucket.name);
  }
  return {
    CORSRules: rules.map((r) => ({
      ID: r.id,
      AllowedHeaders: r.allowedHeaders.length > 0 ? r.allowedHeaders : undefined,
      AllowedMethods: r.allowedMethods,
      AllowedOrigins: r.allowedOrigins,
      ExposeHeaders: r.exposeHeaders.length > 0 ? r.exposeHeaders : undefined,
      MaxAgeSeconds: r.maxAgeSeconds,
    })),
  };
}
