import { describe, expect, it } from 'vitest';
import { AwsError } from '../../core/aws-error.js';
import {
  canonicalHeaders,
  canonicalQueryString,
  canonicalRequest,
  sha256Hex,
  stringToSign,
} from './canonical-request.js';
import { parseSigV4 } from './parse-sigv4.js';
import { checkPayloadHash } from './payload-hash.js';
import { deriveSigningKey, SigningKeyCache, signatureHex } from './signing-key.js';
import type { SigningRequest, SigV4Flavour } from './types.js';
import { canonicalUri } from './uri-encode.js';
import { verifySigV4 } from './verify-sigv4.js';

const SECRET = 'test-secret';
const AMZ_DATE = '20260101T000000Z';

// Signs like an SDK would, from the canonical pieces that the official vectors check.
function signed(
  flavour: SigV4Flavour,
  headers: Record<string, string>,
  options: { signedHeaders?: string[]; query?: [string, string][]; body?: string; service?: string } = {},
): SigningRequest {
  const service = options.service ?? (flavour === 's3' ? 's3' : 'sts');
  const base: Record<string, string> = { host: 'example.com', 'x-amz-date': AMZ_DATE, ...headers };
  const signedHeaders = options.signedHeaders ?? Object.keys(base).sort();
  const query = options.query ?? [];
  const payloadHash = base['x-amz-content-sha256'] ?? sha256Hex(options.body ?? '');
  const rawPath = '/bucket/key';
  const canonical = canonicalRequest({
    method: 'PUT',
    canonicalUri: canonicalUri(rawPath, flavour),
    canonicalQuery: canonicalQueryString(query),
    canonicalHeaders: canonicalHeaders(base, signedHeaders),
    signedHeaders,
    payloadHash,
  });
  const scope = `20260101/us-east-1/${service}/aws4_request`;
  const signature = signatureHex(
    deriveSigningKey(SECRET, '20260101', 'us-east-1', service),
    stringToSign(AMZ_DATE, scope, canonical),
  );
  const authorization = `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/${scope}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
  return { method: 'PUT', rawPath, query, headers: { ...base, authorization } };
}

function verify(request: SigningRequest, flavour: SigV4Flavour, body?: string, keyCache?: SigningKeyCache) {
  const parsed = parseSigV4(request, flavour);
  if (!parsed) throw new Error('expected a credential');
  return verifySigV4(request, parsed, SECRET, { flavour, body, keyCache });
}

function failure(run: () => unknown): AwsError {
  try {
    run();
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('expected an AwsError');
}

const S3_HEADERS = { 'x-amz-content-sha256': sha256Hex('body') };

describe('verifySigV4 for S3', () => {
  it('verifies and reports the signed payload hash', () => {
    const result = verify(signed('s3', S3_HEADERS), 's3');
    expect(result).toEqual({ payloadHash: sha256Hex('body'), streaming: undefined });
  });

  it('returns the chunk-signing context of a streaming upload, seeded with the request signature', () => {
    const request = signed('s3', { 'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' });
    const result = verify(request, 's3');
    expect(result.streaming).toMatchObject({
      mode: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      amzDate: AMZ_DATE,
      credentialScope: '20260101/us-east-1/s3/aws4_request',
      seedSignature: /Signature=(\w+)/.exec(request.headers.authorization ?? '')?.[1],
    });
    expect(result.streaming?.signingKey.equals(deriveSigningKey(SECRET, '20260101', 'us-east-1', 's3'))).toBe(true);
  });

  it('answers a tampered signature with SignatureDoesNotMatch and what S3 computed', () => {
    const request = signed('s3', S3_HEADERS);
    const authorization = (request.headers.authorization ?? '').replace(
      /Signature=(.)/,
      (_, c) => `Signature=${c === '0' ? '1' : '0'}`,
    );
    const error = failure(() => verify({ ...request, headers: { ...request.headers, authorization } }, 's3'));
    expect([error.code, error.status, error.message]).toEqual([
      'SignatureDoesNotMatch',
      403,
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    ]);
    expect(Object.keys(error.extra)).toEqual([
      'AWSAccessKeyId',
      'StringToSign',
      'SignatureProvided',
      'StringToSignBytes',
      'CanonicalRequest',
      'CanonicalRequestBytes',
    ]);
    expect(error.extra.AWSAccessKeyId).toBe('AKIDEXAMPLE');
    expect(error.extra.StringToSign).toMatch(
      /^AWS4-HMAC-SHA256\n20260101T000000Z\n20260101\/us-east-1\/s3\/aws4_request\n/,
    );
    expect(error.extra.StringToSignBytes).toMatch(/^41 57 53 34 2d 48 4d 41 43 2d 53 48 41 32 35 36 0a /);
    expect(error.extra.CanonicalRequest).toMatch(/^PUT\n\/bucket\/key\n\nhost:example.com\n/);
    expect(error.extra.CanonicalRequestBytes?.startsWith('50 55 54 0a 2f')).toBe(true);
  });

  it('rejects a tampered query string', () => {
    const request = signed('s3', S3_HEADERS, { query: [['partNumber', '1']] });
    expect(verify(request, 's3').payloadHash).toBe(sha256Hex('body'));
    const error = failure(() => verify({ ...request, query: [['partNumber', '2']] }, 's3'));
    expect(error.code).toBe('SignatureDoesNotMatch');
  });

  it('refuses x-amz-* headers that are not signed', () => {
    const request = signed('s3', S3_HEADERS);
    const headers = { ...request.headers, 'x-amz-meta-b': '1', 'x-amz-acl': 'private', 'content-type': 'text/plain' };
    const error = failure(() => verify({ ...request, headers }, 's3'));
    expect([error.code, error.status, error.message]).toEqual([
      'AccessDenied',
      403,
      'There were headers present in the request which were not signed',
    ]);
    expect(error.extra).toEqual({ HeadersNotSigned: 'x-amz-meta-b, x-amz-acl' });
  });

  it('requires host to be signed', () => {
    const request = signed('s3', S3_HEADERS, { signedHeaders: ['x-amz-content-sha256', 'x-amz-date'] });
    expect(failure(() => verify(request, 's3')).extra).toEqual({ HeadersNotSigned: 'host' });
  });

  it('requires x-amz-content-sha256 with an allowed value', () => {
    const missing = failure(() => verify(signed('s3', {}), 's3'));
    expect([missing.code, missing.message]).toEqual([
      'InvalidRequest',
      'Missing required header for this request: x-amz-content-sha256',
    ]);
    const invalid = failure(() => verify(signed('s3', { 'x-amz-content-sha256': 'abc' }), 's3'));
    expect(invalid.code).toBe('InvalidArgument');
    expect(invalid.extra).toEqual({ ArgumentName: 'x-amz-content-sha256', ArgumentValue: 'abc' });
    const ecdsa = failure(() =>
      verify(signed('s3', { 'x-amz-content-sha256': 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD' }), 's3'),
    );
    expect([ecdsa.code, ecdsa.status]).toEqual(['NotImplemented', 501]);
  });

  it('reuses derived keys from the cache', () => {
    const cache = new SigningKeyCache(4);
    verify(signed('s3', S3_HEADERS), 's3', undefined, cache);
    verify(signed('s3', S3_HEADERS), 's3', undefined, cache);
    expect(cache.size).toBe(1);
  });
});

describe('verifySigV4 for query and JSON services', () => {
  it('signs the body hash when there is no x-amz-content-sha256 header', () => {
    const request = signed('query', {}, { body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    expect(verify(request, 'query', 'Action=GetCallerIdentity&Version=2011-06-15').payloadHash).toBe(
      sha256Hex('Action=GetCallerIdentity&Version=2011-06-15'),
    );
    const error = failure(() => verify(request, 'query', 'Action=AssumeRole&Version=2011-06-15'));
    expect([error.code, error.status]).toEqual(['SignatureDoesNotMatch', 403]);
  });

  it('lets unsigned x-amz-* headers through, as the session token added after signing', () => {
    const request = signed('json', {}, { service: 'kms' });
    const headers = { ...request.headers, 'x-amz-security-token': 'later' };
    expect(() => verify({ ...request, headers }, 'json')).not.toThrow();
  });

  it('requires host to be signed', () => {
    const request = signed('json', {}, { signedHeaders: ['x-amz-date'], service: 'kms' });
    const error = failure(() => verify(request, 'json'));
    expect([error.code, error.message]).toEqual([
      'InvalidSignatureException',
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    ]);
  });
});

describe('checkPayloadHash', () => {
  it('compares declared hex hashes and ignores the other x-amz-content-sha256 values', () => {
    expect(() => checkPayloadHash(sha256Hex('a').toUpperCase(), sha256Hex('a'))).not.toThrow();
    expect(() => checkPayloadHash('UNSIGNED-PAYLOAD', sha256Hex('a'))).not.toThrow();
    const error = failure(() => checkPayloadHash(sha256Hex('a'), sha256Hex('b')));
    expect([error.code, error.message]).toEqual([
      'XAmzContentSHA256Mismatch',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    ]);
    expect(error.extra).toEqual({
      ClientComputedContentSHA256: sha256Hex('a'),
      S3ComputedContentSHA256: sha256Hex('b'),
    });
  });
});
