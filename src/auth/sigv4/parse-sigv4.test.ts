import { describe, expect, it } from 'vitest';
import { AwsError } from '../../core/aws-error.js';
import { parseSigV4 } from './parse-sigv4.js';
import type { SigningRequest, SigV4Flavour } from './types.js';

const CREDENTIAL = 'AKIDEXAMPLE/20150830/us-east-1/service/aws4_request';
const AUTH = `AWS4-HMAC-SHA256 Credential=${CREDENTIAL}, SignedHeaders=host;x-amz-date, Signature=${'a'.repeat(64)}`;
const DATE = { 'x-amz-date': '20150830T123600Z', host: 'example.amazonaws.com' };

function request(headers: Record<string, string>, query: [string, string][] = []): SigningRequest {
  return { method: 'GET', rawPath: '/', query, headers };
}

function failure(req: SigningRequest, flavour: SigV4Flavour): AwsError {
  try {
    parseSigV4(req, flavour);
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('expected parseSigV4 to throw');
}

function presigned(overrides: Record<string, string | undefined> = {}): [string, string][] {
  const params: Record<string, string | undefined> = {
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': CREDENTIAL,
    'X-Amz-Date': '20150830T123600Z',
    'X-Amz-Expires': '3600',
    'X-Amz-SignedHeaders': 'host',
    'X-Amz-Signature': 'b'.repeat(64),
    ...overrides,
  };
  return Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined);
}

describe('parseSigV4, anonymous and well-formed', () => {
  it('returns undefined for a request without a credential', () => {
    for (const flavour of ['s3', 'query', 'json'] as const) expect(parseSigV4(request(DATE), flavour)).toBeUndefined();
  });

  it('parses the Authorization header', () => {
    const parsed = parseSigV4(request({ ...DATE, authorization: AUTH, 'x-amz-security-token': 'tok' }), 'query');
    expect(parsed).toEqual({
      location: 'header',
      accessKeyId: 'AKIDEXAMPLE',
      scopeDate: '20150830',
      region: 'us-east-1',
      service: 'service',
      credentialScope: '20150830/us-east-1/service/aws4_request',
      signedHeaders: ['host', 'x-amz-date'],
      signature: 'a'.repeat(64),
      amzDate: '20150830T123600Z',
      requestTimeMs: Date.UTC(2015, 7, 30, 12, 36),
      expiresSeconds: undefined,
      securityToken: 'tok',
    });
  });

  it('takes the time from an HTTP Date header when X-Amz-Date is absent', () => {
    const parsed = parseSigV4(request({ date: 'Sun, 30 Aug 2015 12:36:00 GMT', authorization: AUTH }), 's3');
    expect(parsed?.amzDate).toBe('20150830T123600Z');
  });

  it('parses presigned query parameters', () => {
    const parsed = parseSigV4(request({ host: 'h' }, presigned({ 'X-Amz-Security-Token': 'tok' })), 's3');
    expect(parsed).toMatchObject({
      location: 'query',
      expiresSeconds: 3600,
      signedHeaders: ['host'],
      securityToken: 'tok',
    });
  });

  it('accepts the maximum presigned lifetime of 604800 seconds', () => {
    expect(parseSigV4(request({}, presigned({ 'X-Amz-Expires': '604800' })), 's3')?.expiresSeconds).toBe(604800);
  });
});

describe('parseSigV4 errors of S3', () => {
  it.each([
    [
      'AWS AKIDEXAMPLE:c2lnbmF0dXJl',
      'InvalidRequest',
      'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
    ],
    ['Bearer token', 'InvalidArgument', 'Unsupported Authorization Type'],
    [
      `AWS4-HMAC-SHA256 Credential=${CREDENTIAL}, Signature=${'a'.repeat(64)}`,
      'AuthorizationHeaderMalformed',
      'The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature.',
    ],
    [
      `AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/s3, SignedHeaders=host, Signature=${'a'.repeat(64)}`,
      'AuthorizationHeaderMalformed',
      'The authorization header is malformed; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".',
    ],
    [
      `AWS4-HMAC-SHA256 Credential=AKID/20150831/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=${'a'.repeat(64)}`,
      'AuthorizationHeaderMalformed',
      'The authorization header is malformed; Invalid credential date "20150831". This date is not the same as X-Amz-Date: "20150830".',
    ],
  ])('%s -> %s', (authorization, code, message) => {
    const error = failure(request({ ...DATE, authorization }), 's3');
    expect([error.code, error.message, error.status]).toEqual([code, message, 400]);
  });

  it('echoes an unsupported Authorization header', () => {
    expect(failure(request({ ...DATE, authorization: 'Bearer token' }), 's3').extra).toEqual({
      ArgumentName: 'Authorization',
      ArgumentValue: 'Bearer token',
    });
  });

  it('requires a valid date', () => {
    const error = failure(request({ authorization: AUTH, 'x-amz-date': '2015-08-30' }), 's3');
    expect([error.code, error.message, error.status]).toEqual([
      'AccessDenied',
      'AWS authentication requires a valid Date or x-amz-date header',
      403,
    ]);
  });

  it('refuses two authentication mechanisms at once', () => {
    const error = failure(request({ ...DATE, authorization: AUTH }, presigned()), 's3');
    expect(error.code).toBe('InvalidArgument');
    expect(error.message).toMatch(/^Only one auth mechanism allowed/);
  });

  it.each([
    [
      { 'X-Amz-SignedHeaders': undefined },
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    ],
    [{ 'X-Amz-Algorithm': 'AWS4-HMAC-SHA1' }, 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"'],
    [{ 'X-Amz-Expires': 'soon' }, 'X-Amz-Expires should be a number'],
    [{ 'X-Amz-Expires': '-1' }, 'X-Amz-Expires must be non-negative'],
    [
      { 'X-Amz-Expires': '604801' },
      'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
    ],
    [
      { 'X-Amz-Credential': 'AKID/20150830/us-east-1' },
      'Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".',
    ],
    [{ 'X-Amz-Date': '20150830' }, `X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`],
  ])('presigned %j -> AuthorizationQueryParametersError', (overrides, message) => {
    const error = failure(request({}, presigned(overrides)), 's3');
    expect([error.code, error.message, error.status]).toEqual(['AuthorizationQueryParametersError', message, 400]);
  });

  it('refuses SigV2 presigned URLs', () => {
    const query: [string, string][] = [
      ['AWSAccessKeyId', 'AKID'],
      ['Expires', '1'],
      ['Signature', 'x'],
    ];
    expect(failure(request({}, query), 's3').code).toBe('InvalidRequest');
  });
});

describe('parseSigV4 errors of query and JSON services', () => {
  it('answers a non-SigV4 Authorization header with MissingAuthenticationToken', () => {
    const query = failure(request({ ...DATE, authorization: 'Bearer token' }), 'query');
    expect([query.code, query.message, query.status]).toEqual([
      'MissingAuthenticationToken',
      'Request is missing Authentication Token',
      403,
    ]);
    expect(failure(request({ ...DATE, authorization: 'Bearer token' }), 'json').code).toBe(
      'MissingAuthenticationTokenException',
    );
  });

  it('lists every missing component and echoes the header', () => {
    const authorization = 'AWS4-HMAC-SHA256 SignedHeaders=host';
    const error = failure(request({ authorization }), 'query');
    expect([error.code, error.status]).toEqual(['IncompleteSignature', 400]);
    expect(error.message).toBe(
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " +
        'Authorization=AWS4-HMAC-SHA256 SignedHeaders=host',
    );
    expect(failure(request({ authorization }), 'json').code).toBe('IncompleteSignatureException');
  });

  it('names a component without an equals sign', () => {
    const authorization = `AWS4-HMAC-SHA256 Credential=AKID /20150830/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=${'a'.repeat(64)}`;
    expect(failure(request({ ...DATE, authorization }), 'query').message).toBe(
      `'/20150830/us-east-1/sts/aws4_request' not a valid key=value pair (missing equal-sign) in Authorization header: '${authorization}'.`,
    );
  });

  it.each([
    [
      { ...DATE, 'x-amz-date': '201' },
      AUTH,
      'IncompleteSignature',
      "Date must be in ISO-8601 'basic format'. Got '201'. See http://en.wikipedia.org/wiki/ISO_8601",
    ],
    [
      DATE,
      AUTH.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA512'),
      'IncompleteSignature',
      "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512'.",
    ],
    [
      DATE,
      AUTH.replace(CREDENTIAL, 'a/b/c/d'),
      'IncompleteSignature',
      "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'a/b/c/d'",
    ],
    [
      DATE,
      AUTH.replace(CREDENTIAL, 'AKID/20150831/us-east-1/sts/aws5_request'),
      'SignatureDoesNotMatch',
      "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150831' != '20150830', from '20150830T123600Z'.",
    ],
  ])('%j %s -> %s', (headers, authorization, code, message) => {
    const error = failure(request({ ...headers, authorization }), 'query');
    expect([error.code, error.message]).toEqual([code, message]);
  });

  it('lists missing presigned parameters', () => {
    const error = failure(request({}, presigned({ 'X-Amz-Signature': undefined, 'X-Amz-Date': undefined })), 'json');
    expect([error.code, error.message]).toEqual([
      'IncompleteSignatureException',
      "AWS query-string parameters must include 'X-Amz-Signature'. AWS query-string parameters must include 'X-Amz-Date'. Re-examine the query-string parameters.",
    ]);
  });

  it('ignores X-Amz-Expires beyond S3 limits', () => {
    expect(parseSigV4(request({}, presigned({ 'X-Amz-Expires': '9999999' })), 'query')?.expiresSeconds).toBe(9999999);
  });
});
