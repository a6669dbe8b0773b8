// Requests signed by the real AWS SDK for JavaScript v3 (captured before they leave the client) must
// verify: header auth for S3, STS (query) and KMS (JSON), S3 presigned URLs, and the aws-chunked
// body with a trailing checksum that the SDK streams over HTTPS.

import { Readable } from 'node:stream';
import { KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { isAwsError } from '../../core/aws-error.js';
import { checksumBase64 } from '../../core/checksums/index.js';
import { createAwsChunkedDecoder } from './aws-chunked-decoder.js';
import { sha256Hex } from './canonical-request.js';
import { parseSigV4 } from './parse-sigv4.js';
import { checkPayloadHash } from './payload-hash.js';
import { checkCredentialScope, checkRequestTime } from './request-checks.js';
import type { SigningRequest, SigV4Flavour } from './types.js';
import { verifySigV4 } from './verify-sigv4.js';

const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

interface Captured {
  readonly request: SigningRequest;
  readonly body: Buffer;
}

interface SdkRequest {
  method: string;
  path: string;
  query: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

async function bodyBytes(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof Readable) {
    const parts: Buffer[] = [];
    for await (const part of body) parts.push(Buffer.from(part as Uint8Array));
    return Buffer.concat(parts);
  }
  return Buffer.from(String(body));
}

// A request handler that records the signed request and stops it there.
function capturingHandler(box: { captured?: Captured }) {
  return {
    handle: async (sdkRequest: SdkRequest) => {
      const query: [string, string][] = [];
      for (const [key, value] of Object.entries(sdkRequest.query)) {
        for (const item of Array.isArray(value) ? value : [value ?? '']) query.push([key, item]);
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(sdkRequest.headers)) headers[name.toLowerCase()] = value;
      box.captured = {
        request: { method: sdkRequest.method, rawPath: sdkRequest.path, query, headers },
        body: await bodyBytes(sdkRequest.body),
      };
      throw new Error('captured');
    },
  };
}

async function capture(send: (handler: ReturnType<typeof capturingHandler>) => Promise<unknown>): Promise<Captured> {
  const box: { captured?: Captured } = {};
  await expect(send(capturingHandler(box))).rejects.toThrow('captured');
  if (!box.captured) throw new Error('nothing captured');
  return box.captured;
}

function s3Client(handler: ReturnType<typeof capturingHandler>, endpoint = 'http://localhost:4566'): S3Client {
  return new S3Client({
    region: 'us-east-1',
    credentials,
    requestHandler: handler,
    maxAttempts: 1,
    forcePathStyle: true,
    endpoint,
  });
}

function verify(captured: Captured, flavour: SigV4Flavour, secret = credentials.secretAccessKey) {
  const parsed = parseSigV4(captured.request, flavour);
  if (!parsed) throw new Error('the SDK request must carry a credential');
  checkRequestTime(parsed, Date.now(), flavour);
  return { parsed, verified: verifySigV4(captured.request, parsed, secret, { flavour, body: captured.body }) };
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isAwsError(error)) return error.code;
    throw error;
  }
  return 'no error';
}

describe('S3 requests signed by the SDK', () => {
  it.each(['a b/c~d+e', 'unicodé/ключ', 'dots/../and//double/./slashes', "special!'()*&$@=;:,?"])(
    'verifies PutObject of key %j and its body hash',
    async (key) => {
      const captured = await capture((handler) =>
        s3Client(handler).send(new PutObjectCommand({ Bucket: 'bucket', Key: key, Body: 'hello' })),
      );
      const { parsed, verified } = verify(captured, 's3');
      checkCredentialScope(parsed, { service: 's3', region: 'us-east-1' }, 's3');
      expect(verified.payloadHash).toBe(sha256Hex('hello'));
      expect(() => checkPayloadHash(verified.payloadHash, sha256Hex(captured.body))).not.toThrow();
      expect(codeOf(() => checkPayloadHash(verified.payloadHash, sha256Hex('tampered')))).toBe(
        'XAmzContentSHA256Mismatch',
      );
    },
  );

  it('rejects the same request once its path or an x-amz header changes', async () => {
    const captured = await capture((handler) =>
      s3Client(handler).send(new PutObjectCommand({ Bucket: 'bucket', Key: 'key', Body: 'hello' })),
    );
    const moved = { ...captured, request: { ...captured.request, rawPath: '/bucket/other' } };
    expect(codeOf(() => verify(moved, 's3'))).toBe('SignatureDoesNotMatch');
    const extra = { ...captured.request.headers, 'x-amz-meta-added': 'later' };
    expect(codeOf(() => verify({ ...captured, request: { ...captured.request, headers: extra } }, 's3'))).toBe(
      'AccessDenied',
    );
  });

  it('carries the session token of temporary credentials', async () => {
    const captured = await capture((handler) =>
      new S3Client({
        region: 'eu-west-1',
        credentials: { ...credentials, sessionToken: 'token-value' },
        requestHandler: handler,
        maxAttempts: 1,
        forcePathStyle: true,
        endpoint: 'http://localhost:4566',
      }).send(new PutObjectCommand({ Bucket: 'bucket', Key: 'key', Body: 'x' })),
    );
    const { parsed } = verify(captured, 's3');
    expect(parsed.securityToken).toBe('token-value');
    expect(parsed.region).toBe('eu-west-1');
  });

  it('verifies a presigned URL and rejects it with a longer X-Amz-Expires', async () => {
    const client = new S3Client({
      region: 'us-east-1',
      credentials,
      forcePathStyle: true,
      endpoint: 'http://localhost:4566',
    });
    const url = new URL(
      await getSignedUrl(client, new PutObjectCommand({ Bucket: 'bucket', Key: 'k y' }), { expiresIn: 900 }),
    );
    const query: [string, string][] = url.search
      .slice(1)
      .split('&')
      .map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]);
    const request: SigningRequest = { method: 'PUT', rawPath: url.pathname, query, headers: { host: url.host } };
    const { parsed, verified } = verify({ request, body: Buffer.alloc(0) }, 's3');
    expect(parsed.location).toBe('query');
    expect(parsed.expiresSeconds).toBe(900);
    expect(verified.payloadHash).toBe('UNSIGNED-PAYLOAD');
    const longer = query.map(([key, value]): [string, string] => [key, key === 'X-Amz-Expires' ? '3600' : value]);
    expect(codeOf(() => verify({ request: { ...request, query: longer }, body: Buffer.alloc(0) }, 's3'))).toBe(
      'SignatureDoesNotMatch',
    );
  });

  it('decodes the aws-chunked body with a trailing CRC32 that the SDK streams over HTTPS', async () => {
    const data = Buffer.alloc(20_000, 'x');
    const captured = await capture((handler) =>
      s3Client(handler, 'https://localhost:4566').send(
        new PutObjectCommand({
          Bucket: 'bucket',
          Key: 'key',
          Body: Readable.from([data.subarray(0, 10_000), data.subarray(10_000)]),
          ContentLength: data.length,
        }),
      ),
    );
    const { verified } = verify(captured, 's3');
    expect(verified.payloadHash).toBe('STREAMING-UNSIGNED-PAYLOAD-TRAILER');
    const decoder = createAwsChunkedDecoder({
      mode: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      decodedContentLength: captured.request.headers['x-amz-decoded-content-length'],
      trailer: captured.request.headers['x-amz-trailer'],
    });
    const decoded: Buffer[] = [];
    for await (const part of Readable.from([captured.body]).pipe(decoder)) decoded.push(part as Buffer);
    expect(Buffer.concat(decoded).equals(data)).toBe(true);
    expect(decoder.trailers.get('x-amz-checksum-crc32')).toBe(checksumBase64('CRC32', data));
  });
});

describe('query and JSON protocol requests signed by the SDK', () => {
  it('verifies STS GetCallerIdentity (query) and answers a wrong secret in STS words', async () => {
    const captured = await capture((handler) =>
      new STSClient({
        region: 'us-east-1',
        credentials,
        requestHandler: handler,
        maxAttempts: 1,
        endpoint: 'http://localhost:4566',
      }).send(new GetCallerIdentityCommand({})),
    );
    const { parsed } = verify(captured, 'query');
    checkCredentialScope(parsed, { service: 'sts' }, 'query');
    expect(() => verify(captured, 'query', 'wrong')).toThrow(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  });

  it('verifies KMS ListKeys (JSON) and shows the canonical request on a mismatch', async () => {
    const captured = await capture((handler) =>
      new KMSClient({
        region: 'eu-central-1',
        credentials,
        requestHandler: handler,
        maxAttempts: 1,
        endpoint: 'http://localhost:4566',
      }).send(new ListKeysCommand({})),
    );
    const { parsed } = verify(captured, 'json');
    checkCredentialScope(parsed, { service: 'kms', region: 'eu-central-1' }, 'json');
    expect(codeOf(() => verify(captured, 'json', 'wrong'))).toBe('InvalidSignatureException');
    expect(() => verify(captured, 'json', 'wrong')).toThrow(
      /The Canonical String for this request should have been\n'POST\n\/\n/,
    );
  });
});
