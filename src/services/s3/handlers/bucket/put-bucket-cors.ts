// PutBucketCors: the bucket's CORS rules, checked as S3 checks them.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { BucketStore, type CorsRule } from '../../repos/buckets.js';
import { malformedXml } from './bucket-errors.js';

const METHODS: ReadonlySet<string> = new Set(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']);

const MAX_RULES = 100;

export function putBucketCors(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const rules = ((input.CORSConfiguration as Shaped).CORSRules as Shaped[] | undefined) ?? [];
  if (rules.length === 0 || rules.length > MAX_RULES) throw malformedXml();
  BucketStore.of(call.deps.storage.db).putConfig(bucket.name, 'cors', rules.map(toRule));
  return {};
}

function toRule(rule: Shaped): CorsRule {
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
  const allowedMethods = strings(rule.AllowedMethods);
  const allowedOrigins = strings(rule.AllowedOrigins);
  if (allowedMethods.length === 0 || allowedOrigins.length === 0) throw malformedXml();
  for (const method of allowedMethods) {
    if (!METHODS.has(method)) {
      throw new AwsError(
        'InvalidRequest',
        `Found unsupported HTTP method in CORS config. Unsupported method is ${method}`,
      );
    }
  }
  for (const origin of allowedOrigins) {
    if (origin.split('*').length > 2) {
      throw new AwsError('InvalidRequest', `AllowedOrigin "${origin}" can not have more than one wildcard.`);
    }
  }
  return {
    id: rule.ID as string | undefined,
    allowedOrigins,
    allowedMethods,
    allowedHeaders: strings(rule.AllowedHeaders),
    exposeHeaders: strings(rule.ExposeHeaders),
    maxAgeSeconds: rule.MaxAgeSeconds as number | undefined,
  };
}
