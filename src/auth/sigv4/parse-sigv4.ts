// Finds the SigV4 credential of a request (Authorization header or presigned query parameters) and
// parses it, throwing the error the real service answers for malformed input. Undefined means the
// request carries no credential at all (anonymous).
import { AwsError } from '../../core/aws-error.js';
import type { PresignedParams } from './credential-parts.js';
import { parseS3Header, parseS3Query } from './parse-s3-auth.js';
import { parseServiceHeader, parseServiceQuery } from './parse-service-auth.js';
import type { ParsedSigV4, SigningRequest, SigV4Flavour } from './types.js';

const PARAMS: ReadonlyMap<string, keyof Omit<PresignedParams, 'v2'>> = new Map([
  ['X-Amz-Algorithm', 'algorithm'],
  ['X-Amz-Credential', 'credential'],
  ['X-Amz-Date', 'date'],
  ['X-Amz-Expires', 'expires'],
  ['X-Amz-SignedHeaders', 'signedHeaders'],
  ['X-Amz-Signature', 'signature'],
  ['X-Amz-Security-Token', 'securityToken'],
]);

function scanQuery(query: SigningRequest['query']): PresignedParams {
  const params: PresignedParams = {};
  let v2Key = false;
  let v2Signature = false;
  for (const [key, value] of query) {
    const field = PARAMS.get(key);
    if (field) params[field] ??= value;
    else if (key === 'AWSAccessKeyId') v2Key = true;
    else if (key === 'Signature') v2Signature = true;
  }
  params.v2 = v2Key && v2Signature;
  return params;
}

function isPresigned(params: PresignedParams): boolean {
  return params.algorithm !== undefined || params.credential !== undefined || params.signature !== undefined;
}

/**
 * @throws AwsError for a malformed credential; see README.md for the codes per flavour.
 */
export function parseSigV4(request: SigningRequest, flavour: SigV4Flavour): ParsedSigV4 | undefined {
  const authorization = request.headers.authorization;
  const params = scanQuery(request.query);
  const presigned = isPresigned(params);
  if (flavour === 's3') {
    if (authorization !== undefined && (presigned || params.v2)) throw onlyOneMechanism(authorization);
    if (authorization !== undefined) return parseS3Header(authorization, request.headers);
    if (presigned || params.v2) return parseS3Query(params);
    return undefined;
  }
  if (authorization !== undefined) return parseServiceHeader(authorization, request.headers, flavour);
  if (presigned) return parseServiceQuery(params, flavour);
  return undefined;
}

function onlyOneMechanism(authorization: string): AwsError {
  return new AwsError(
    'InvalidArgument',
    'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
    { extra: { ArgumentName: 'Authorization', ArgumentValue: authorization } },
  );
}
