// S3's parsing of a SigV4 credential, with S3's own error codes: AuthorizationHeaderMalformed for the
// header, AuthorizationQueryParametersError for presigned URLs.
import { AwsError } from '../../core/aws-error.js';
import { formatAmzDate, parseAmzDate, parseDateHeader } from './amz-date.js';
import {
  buildParsed,
  type CredentialParts,
  type PresignedParams,
  splitAuthorization,
  splitCredential,
} from './credential-parts.js';
import {
  s3CredentialMalformed,
  s3HeaderMalformed,
  s3QueryParametersError,
  s3ScopeError,
  s3UnsupportedMechanism,
} from './sigv4-errors.js';
import { ALGORITHM, type ParsedSigV4, SCOPE_TERMINATOR } from './types.js';

/** S3 caps a presigned URL's lifetime at seven days, the lifetime of a signing key. */
export const MAX_PRESIGNED_EXPIRES_SECONDS = 604_800;

const DIGITS = /^\d+$/;

export function parseS3Header(authorization: string, headers: Readonly<Record<string, string>>): ParsedSigV4 {
  if (authorization.startsWith('AWS ')) throw s3UnsupportedMechanism();
  const { algorithm, values } = splitAuthorization(authorization);
  if (algorithm !== ALGORITHM) {
    throw new AwsError('InvalidArgument', 'Unsupported Authorization Type', {
      extra: { ArgumentName: 'Authorization', ArgumentValue: authorization },
    });
  }
  const credentialText = values.get('Credential');
  const signedHeaders = values.get('SignedHeaders');
  const signature = values.get('Signature');
  if (credentialText === undefined || signedHeaders === undefined || signature === undefined) {
    throw s3HeaderMalformed(
      'the authorization header requires three components: Credential, SignedHeaders, and Signature.',
    );
  }
  const credential = splitCredential(credentialText);
  if (!credential) throw s3CredentialMalformed('header');
  const amzDateHeader = headers['x-amz-date'];
  const requestTimeMs = amzDateHeader !== undefined ? parseAmzDate(amzDateHeader) : dateHeader(headers.date);
  if (requestTimeMs === undefined) {
    throw new AwsError('AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header', {
      status: 403,
    });
  }
  const amzDate = formatAmzDate(requestTimeMs);
  checkScope(credential, amzDate, 'header');
  return buildParsed({
    location: 'header',
    credential,
    signedHeaders,
    signature,
    amzDate,
    requestTimeMs,
    expiresSeconds: undefined,
    securityToken: headers['x-amz-security-token'],
  });
}

function dateHeader(value: string | undefined): number | undefined {
  return value === undefined ? undefined : parseDateHeader(value);
}

export function parseS3Query(params: PresignedParams): ParsedSigV4 {
  const { algorithm, credential: credentialText, date, expires, signedHeaders, signature } = params;
  if (
    algorithm === undefined ||
    credentialText === undefined ||
    date === undefined ||
    expires === undefined ||
    signedHeaders === undefined ||
    signature === undefined
  ) {
    // A SigV2 presigned URL carries none of the V4 parameters.
    if (params.v2 && algorithm === undefined && credentialText === undefined) throw s3UnsupportedMechanism();
    throw s3QueryParametersError(
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    );
  }
  if (algorithm !== ALGORITHM) throw s3QueryParametersError(`X-Amz-Algorithm only supports "${ALGORITHM}"`);
  const expiresSeconds = parseExpires(expires);
  const credential = splitCredential(credentialText);
  if (!credential) throw s3CredentialMalformed('query');
  const requestTimeMs = parseAmzDate(date);
  if (requestTimeMs === undefined) {
    throw s3QueryParametersError(`X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`);
  }
  checkScope(credential, date, 'query');
  return buildParsed({
    location: 'query',
    credential,
    signedHeaders,
    signature,
    amzDate: date,
    requestTimeMs,
    expiresSeconds,
    securityToken: params.securityToken,
  });
}

function parseExpires(text: string): number {
  if (!DIGITS.test(text.startsWith('-') ? text.slice(1) : text)) {
    throw s3QueryParametersError('X-Amz-Expires should be a number');
  }
  const seconds = Number(text);
  if (seconds < 0) throw s3QueryParametersError('X-Amz-Expires must be non-negative');
  if (seconds > MAX_PRESIGNED_EXPIRES_SECONDS) {
    throw s3QueryParametersError(
      'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
    );
  }
  return seconds;
}

function checkScope(credential: CredentialParts, amzDate: string, location: 'header' | 'query'): void {
  const [, scopeDate, , , terminator] = credential;
  if (terminator !== SCOPE_TERMINATOR) {
    throw s3ScopeError(location, `incorrect terminal "${terminator}". This endpoint uses "${SCOPE_TERMINATOR}".`);
  }
  if (scopeDate !== amzDate.slice(0, 8)) {
    throw s3ScopeError(
      location,
      `Invalid credential date "${scopeDate}". This date is not the same as X-Amz-Date: "${amzDate.slice(0, 8)}".`,
    );
  }
}
