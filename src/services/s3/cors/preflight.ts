// CORS preflight requests (`OPTIONS` on an object or a bucket): answered from the bucket's CORS rules with the
// Access-Control-* headers, or refused with S3's 403 AccessForbidden. Preflights carry no credentials.
import { AwsError } from '../../../core/aws-error.js';
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { BucketStore } from '../repos/buckets.js';
import { corsHeaders, matchCorsRule, requestedHeaders } from './cors-rules.js';

const NOT_ALLOWED =
  "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.";

export function preflight(input: Shaped, call: CallContext): Shaped {
  const origin = input.Origin as string | undefined;
  if (origin === undefined) {
    throw new AwsError('BadRequest', 'Insufficient information. Origin request header needed.');
  }
  const method = input.AccessControlRequestMethod as string | undefined;
  if (method === undefined) {
    throw new AwsError('BadRequest', 'Invalid Access-Control-Request-Method: null');
  }
  const bucket = BucketStore.of(call.deps.storage.db).find(input.Bucket as string);
  if (bucket === undefined) throw forbidden('CORSResponse: Bucket not found', method, 'BUCKET');
  const rules = bucket.configs.cors;
  if (rules === undefined) throw forbidden('CORSResponse: CORS is not enabled for this bucket.', method, 'BUCKET');
  const requested = requestedHeaders(input.AccessControlRequestHeaders as string | undefined);
  const rule = matchCorsRule(rules, origin, method, requested);
  if (rule === undefined) throw forbidden(NOT_ALLOWED, method, 'OBJECT');
  const headers = corsHeaders(rule, origin, requested);
  return {
    AllowOrigin: headers['Access-Control-Allow-Origin'],
    AllowCredentials: headers['Access-Control-Allow-Credentials'],
    AllowMethods: headers['Access-Control-Allow-Methods'],
    AllowHeaders: headers['Access-Control-Allow-Headers'],
    ExposeHeaders: headers['Access-Control-Expose-Headers'],
    MaxAge: headers['Access-Control-Max-Age'],
    Vary: headers.Vary,
  };
}

function forbidden(message: string, method: string, resourceType: string): AwsError {
  return new AwsError('AccessForbidden', message, {
    status: 403,
    extra: { Method: method, ResourceType: resourceType },
  });
}
