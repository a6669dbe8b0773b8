import { describe, expect, it } from 'vitest';
import { AwsError } from '../../core/aws-error.js';
import { checkCredentialScope, checkRequestTime, checkS3Region, MAX_SKEW_MS } from './request-checks.js';
import type { ParsedSigV4 } from './types.js';

const T = Date.UTC(2015, 7, 30, 12, 36);

function parsed(overrides: Partial<ParsedSigV4> = {}): ParsedSigV4 {
  return {
    location: 'header',
    accessKeyId: 'AKID',
    scopeDate: '20150830',
    region: 'us-east-1',
    service: 's3',
    credentialScope: '20150830/us-east-1/s3/aws4_request',
    signedHeaders: ['host'],
    signature: 'a'.repeat(64),
    amzDate: '20150830T123600Z',
    requestTimeMs: T,
    expiresSeconds: undefined,
    securityToken: undefined,
    ...overrides,
  };
}

function failure(run: () => void): AwsError {
  try {
    run();
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('expected an AwsError');
}

describe('checkRequestTime for header-signed requests', () => {
  it('accepts up to 15 minutes of skew either way', () => {
    for (const flavour of ['s3', 'query', 'json'] as const) {
      expect(() => checkRequestTime(parsed(), T + MAX_SKEW_MS, flavour)).not.toThrow();
      expect(() => checkRequestTime(parsed(), T - MAX_SKEW_MS, flavour)).not.toThrow();
    }
  });

  it('answers S3 with RequestTimeTooSkewed and the times', () => {
    const error = failure(() => checkRequestTime(parsed(), T + MAX_SKEW_MS + 1000, 's3'));
    expect([error.code, error.message, error.status]).toEqual([
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
      403,
    ]);
    expect(error.extra).toEqual({
      RequestTime: '20150830T123600Z',
      ServerTime: '2015-08-30T12:51:01Z',
      MaxAllowedSkewMilliseconds: '900000',
    });
  });

  it('answers query services with SignatureDoesNotMatch in their words', () => {
    const expired = failure(() => checkRequestTime(parsed(), Date.UTC(2015, 7, 30, 13, 0, 0), 'query'));
    expect([expired.code, expired.status, expired.message]).toEqual([
      'SignatureDoesNotMatch',
      403,
      'Signature expired: 20150830T123600Z is now earlier than 20150830T124500Z (20150830T130000Z - 15 min.)',
    ]);
    const early = failure(() => checkRequestTime(parsed(), Date.UTC(2015, 7, 30, 12, 0, 0), 'query'));
    expect(early.message).toBe(
      'Signature not yet current: 20150830T123600Z is still later than 20150830T121500Z (20150830T120000Z + 15 min.)',
    );
  });

  it('answers JSON services with InvalidSignatureException', () => {
    const error = failure(() => checkRequestTime(parsed(), T + 3_600_000, 'json'));
    expect([error.code, error.status]).toEqual(['InvalidSignatureException', 400]);
  });
});

describe('checkRequestTime for presigned requests', () => {
  const url = parsed({ location: 'query', expiresSeconds: 60 });

  it('lets an S3 URL live X-Amz-Expires seconds', () => {
    expect(() => checkRequestTime(url, T + 60_000, 's3')).not.toThrow();
    const error = failure(() => checkRequestTime(url, T + 61_000, 's3'));
    expect([error.code, error.message, error.status]).toEqual(['AccessDenied', 'Request has expired', 403]);
    expect(error.extra).toEqual({
      'X-Amz-Expires': '60',
      Expires: '2015-08-30T12:37:00Z',
      ServerTime: '2015-08-30T12:37:01Z',
    });
  });

  it('refuses an S3 URL dated in the future', () => {
    const error = failure(() => checkRequestTime(url, T - MAX_SKEW_MS - 1000, 's3'));
    expect([error.code, error.message]).toEqual(['AccessDenied', 'Request is not yet valid']);
    expect(error.extra).toEqual({
      'X-Amz-Date': String(T),
      Expires: '2015-08-30T12:37:00Z',
      ServerTime: '2015-08-30T12:20:59Z',
    });
  });

  it('gives query-protocol presigned requests (STS GetCallerIdentity) 15 minutes whatever X-Amz-Expires says', () => {
    expect(() => checkRequestTime(url, T + 14 * 60_000, 'query')).not.toThrow();
    expect(failure(() => checkRequestTime(url, T + 16 * 60_000, 'query')).message).toMatch(/^Signature expired/);
  });
});

describe('checkCredentialScope', () => {
  it('accepts the receiving service and region', () => {
    expect(() => checkCredentialScope(parsed(), { service: 's3', region: 'us-east-1' }, 's3')).not.toThrow();
    expect(() => checkCredentialScope(parsed({ service: 'sts' }), { service: 'sts' }, 'query')).not.toThrow();
  });

  it('answers S3 with AuthorizationHeaderMalformed for another service', () => {
    const error = failure(() => checkCredentialScope(parsed({ service: 'sts' }), { service: 's3' }, 's3'));
    expect([error.code, error.message]).toEqual([
      'AuthorizationHeaderMalformed',
      'The authorization header is malformed; incorrect service "sts". This endpoint belongs to "s3".',
    ]);
  });

  it('lists every scope problem for query and JSON services', () => {
    const error = failure(() =>
      checkCredentialScope(
        parsed({ service: 'iam', region: 'eu-west-1' }),
        { service: 'sts', region: 'us-east-1' },
        'json',
      ),
    );
    expect([error.code, error.message]).toEqual([
      'InvalidSignatureException',
      "Credential should be scoped to a valid region, not 'eu-west-1'. Credential should be scoped to correct service: 'sts'.",
    ]);
  });
});

describe('checkS3Region', () => {
  it("names the bucket's region for a header", () => {
    const error = failure(() => checkS3Region(parsed(), 'eu-west-1'));
    expect([error.code, error.message, error.status]).toEqual([
      'AuthorizationHeaderMalformed',
      "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'",
      400,
    ]);
    expect(error.extra).toEqual({ Region: 'eu-west-1' });
  });

  it('names it for a presigned URL', () => {
    const error = failure(() => checkS3Region(parsed({ location: 'query' }), 'eu-west-1'));
    expect([error.code, error.message]).toEqual([
      'AuthorizationQueryParametersError',
      "Error parsing the X-Amz-Credential parameter; the region 'us-east-1' is wrong; expecting 'eu-west-1'",
    ]);
  });

  it('accepts the right region', () => {
    expect(() => checkS3Region(parsed(), 'us-east-1')).not.toThrow();
  });
});
