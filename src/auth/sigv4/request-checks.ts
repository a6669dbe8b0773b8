// Checks of a parsed credential against the clock and against the endpoint that received it. They are
// separate from parsing because the caller knows the time, the service and (for S3) the bucket region.
import { AwsError } from '../../core/aws-error.js';
import { isoSeconds } from '../../core/clock.js';
import { formatAmzDate } from './amz-date.js';
import { invalidSignature, s3ScopeError } from './sigv4-errors.js';
import type { ParsedSigV4, SigV4Flavour } from './types.js';

/** How far a request's time may be from the server's, both ways. */
export const MAX_SKEW_MS = 15 * 60 * 1000;

/**
 * Header-signed requests must be within 15 minutes of now. S3 presigned URLs live until
 * X-Amz-Date + X-Amz-Expires; other services' presigned requests get the same 15-minute window as a
 * header (STS ignores X-Amz-Expires, which is what EKS token authenticators rely on).
 * @throws AwsError S3: `RequestTimeTooSkewed`, or `AccessDenied` "Request has expired" / "Request is not
 *   yet valid"; query: `SignatureDoesNotMatch`; JSON: `InvalidSignatureException`.
 */
export function checkRequestTime(parsed: ParsedSigV4, nowMs: number, flavour: SigV4Flavour): void {
  if (flavour === 's3' && parsed.location === 'query') {
    checkPresignedS3(parsed, nowMs);
    return;
  }
  const early = parsed.requestTimeMs < nowMs - MAX_SKEW_MS;
  const late = parsed.requestTimeMs > nowMs + MAX_SKEW_MS;
  if (!early && !late) return;
  if (flavour === 's3') {
    throw new AwsError(
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
      {
        status: 403,
        extra: {
          RequestTime: parsed.amzDate,
          ServerTime: isoSeconds(nowMs),
          MaxAllowedSkewMilliseconds: String(MAX_SKEW_MS),
        },
      },
    );
  }
  const message = early
    ? `Signature expired: ${parsed.amzDate} is now earlier than ${formatAmzDate(nowMs - MAX_SKEW_MS)} (${formatAmzDate(nowMs)} - 15 min.)`
    : `Signature not yet current: ${parsed.amzDate} is still later than ${formatAmzDate(nowMs + MAX_SKEW_MS)} (${formatAmzDate(nowMs)} + 15 min.)`;
  throw invalidSignature(flavour, message);
}

function checkPresignedS3(parsed: ParsedSigV4, nowMs: number): void {
  const expiresSeconds = parsed.expiresSeconds ?? 0;
  // Formatted only for an error: isoSeconds keeps the last second it formatted, and that is the request's.
  const expiresAt = () => isoSeconds(parsed.requestTimeMs + expiresSeconds * 1000);
  if (parsed.requestTimeMs > nowMs + MAX_SKEW_MS) {
    // S3 really does echo X-Amz-Date here as epoch milliseconds.
    throw new AwsError('AccessDenied', 'Request is not yet valid', {
      status: 403,
      extra: { 'X-Amz-Date': String(parsed.requestTimeMs), Expires: expiresAt(), ServerTime: isoSeconds(nowMs) },
    });
  }
  if (nowMs > parsed.requestTimeMs + expiresSeconds * 1000) {
    throw new AwsError('AccessDenied', 'Request has expired', {
      status: 403,
      extra: { 'X-Amz-Expires': String(expiresSeconds), Expires: expiresAt(), ServerTime: isoSeconds(nowMs) },
    });
  }
}

export interface ExpectedScope {
  /** The signing name of the service that received the request (`s3`, `sts`, `iam`, `kms`, ...). */
  readonly service: string;
  /** The region the endpoint serves; omit to accept any (S3 checks the bucket's region separately). */
  readonly region?: string;
}

/**
 * The credential scope must name the receiving service and, when given, its region.
 * @throws AwsError S3: `AuthorizationHeaderMalformed` / `AuthorizationQueryParametersError`;
 *   query: `SignatureDoesNotMatch`; JSON: `InvalidSignatureException`.
 */
export function checkCredentialScope(parsed: ParsedSigV4, expected: ExpectedScope, flavour: SigV4Flavour): void {
  if (flavour === 's3') {
    if (parsed.service !== expected.service) {
      throw s3ScopeError(
        parsed.location,
        `incorrect service "${parsed.service}". This endpoint belongs to "${expected.service}".`,
      );
    }
    if (expected.region !== undefined) checkS3Region(parsed, expected.region);
    return;
  }
  let problems = '';
  if (expected.region !== undefined && parsed.region !== expected.region) {
    problems += `Credential should be scoped to a valid region, not '${parsed.region}'. `;
  }
  if (parsed.service !== expected.service) {
    problems += `Credential should be scoped to correct service: '${expected.service}'. `;
  }
  if (problems) throw invalidSignature(flavour, problems.trimEnd());
}

/**
 * S3 requires the scope's region to be the bucket's region.
 * @throws AwsError `AuthorizationHeaderMalformed` / `AuthorizationQueryParametersError` with `Region`.
 */
export function checkS3Region(parsed: ParsedSigV4, bucketRegion: string): void {
  if (parsed.region === bucketRegion) return;
  throw s3ScopeError(parsed.location, `the region '${parsed.region}' is wrong; expecting '${bucketRegion}'`, {
    Region: bucketRegion,
  });
}
