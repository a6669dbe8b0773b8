// Runs the SigV4 test vectors in ./sigv4: AWS's aws-sig-v4-test-suite (service "service", signed the
// way every non-S3 service is) and the worked examples of the S3 API Reference, including the
// chunked uploads whose chunk signatures chain from the seed signature.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  canonicalHeaders,
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
  checkPayloadHash,
  checkRequestTime,
  createAwsChunkedDecoder,
  deriveSigningKey,
  parseSigV4,
  type SigningRequest,
  type SigV4Flavour,
  sha256Hex,
  signatureHex,
  stringToSign,
  verifySigV4,
} from '../../src/auth/sigv4/index.js';
import { isAwsError } from '../../src/core/aws-error.js';

const ROOT = fileURLToPath(new URL('./sigv4', import.meta.url));
const SUITE_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const S3_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
// From post-sts-token/readme.txt of the suite.
const SUITE_TOKEN =
  'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==';

interface Vector {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
}

function vectorsIn(dir: string, prefix = ''): Vector[] {
  const found: Vector[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = join(dir, entry.name);
    const base = join(folder, entry.name);
    if (existsSync(`${base}.req`)) {
      const files: Record<string, string> = {};
      for (const ext of ['req', 'creq', 'sts', 'authz', 'chunks']) {
        if (existsSync(`${base}.${ext}`)) files[ext] = readFileSync(`${base}.${ext}`, 'utf8');
      }
      found.push({ name: prefix + entry.name, files });
    }
    found.push(...vectorsIn(folder, `${prefix}${entry.name}/`));
  }
  return found;
}

interface HttpRequest {
  readonly request: SigningRequest;
  readonly body: string;
}

/** Reads a .req file the way an HTTP server would see it; `authorization` is added as a header. */
function readRequest(text: string, authorization?: string, extraHeaders: Record<string, string> = {}): HttpRequest {
  const split = text.indexOf('\n\n');
  const head = split < 0 ? text : text.slice(0, split);
  const [requestLine = '', ...headerLines] = head.split('\n');
  const method = requestLine.slice(0, requestLine.indexOf(' '));
  const target = requestLine.slice(method.length + 1, requestLine.lastIndexOf(' '));
  const values = new Map<string, string[]>();
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).toLowerCase();
    values.set(name, [...(values.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  const headers: Record<string, string> = {};
  for (const [name, list] of values) headers[name] = list.join(',');
  if (authorization) headers.authorization = authorization;
  Object.assign(headers, extraHeaders);
  const question = target.indexOf('?');
  const rawPath = question < 0 ? target : target.slice(0, question);
  const query: [string, string][] = [];
  if (question >= 0) {
    for (const pair of target.slice(question + 1).split('&')) {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      query.push([decodeURIComponent(key), eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1))]);
    }
  }
  return { request: { method, rawPath, query, headers }, body: split < 0 ? '' : text.slice(split + 2) };
}

function authorizationParts(authz: string): { signedHeaders: string[]; signature: string } {
  const signedHeaders = /SignedHeaders=([^,\s]+)/.exec(authz)?.[1] ?? '';
  const signature = /Signature=([0-9a-f]{64})/.exec(authz)?.[1] ?? '';
  return { signedHeaders: signedHeaders.split(';'), signature };
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

function checkCanonicalForm(vector: Vector, flavour: SigV4Flavour, secret: string, scope: string): void {
  const { authz, req, creq, sts } = vector.files;
  if (!authz || !req) return;
  const { request, body } = readRequest(req);
  const { signedHeaders, signature } = authorizationParts(authz);
  const canonical = canonicalRequest({
    method: request.method,
    canonicalUri: canonicalUri(request.rawPath, flavour),
    canonicalQuery: canonicalQueryString(request.query),
    canonicalHeaders: canonicalHeaders(request.headers, signedHeaders),
    signedHeaders,
    payloadHash: flavour === 's3' ? (request.headers['x-amz-content-sha256'] ?? '') : sha256Hex(body),
  });
  if (creq !== undefined) expect(canonical).toBe(creq);
  const date = request.headers['x-amz-date'] ?? '';
  const toSign = stringToSign(date, scope, canonical);
  if (sts !== undefined) expect(toSign).toBe(sts);
  const [day, region, service] = scope.split('/') as [string, string, string];
  expect(signatureHex(deriveSigningKey(secret, day, region, service), toSign)).toBe(signature);
}

const suite = vectorsIn(join(ROOT, 'aws-sig-v4-test-suite'));

describe('aws-sig-v4-test-suite', () => {
  const scope = '20150830/us-east-1/service/aws4_request';
  const now = Date.UTC(2015, 7, 30, 12, 36);

  it('has the vectors of the suite', () => {
    expect(suite.length).toBe(30);
  });

  describe.each(suite)('$name', (vector) => {
    it('builds the canonical request, string to sign and signature of the suite', () => {
      checkCanonicalForm(vector, 'query', SUITE_SECRET, scope);
    });

    it('verifies the signed request and rejects a tampered signature', () => {
      const { authz = '', req = '' } = vector.files;
      // post-sts-header-after adds the session token after signing: it reaches the server unsigned.
      const extra: Record<string, string> = vector.name.endsWith('header-after')
        ? { 'x-amz-security-token': SUITE_TOKEN }
        : {};
      const { request, body } = readRequest(req, authz, extra);
      for (const flavour of ['query', 'json'] as const) {
        const parsed = parseSigV4(request, flavour);
        expect(parsed?.accessKeyId).toBe('AKIDEXAMPLE');
        if (!parsed) return;
        checkRequestTime(parsed, now, flavour);
        expect(verifySigV4(request, parsed, SUITE_SECRET, { flavour, body }).payloadHash).toBe(sha256Hex(body));
        const forged = { ...parsed, signature: parsed.signature.replace(/^./, (c) => (c === '0' ? '1' : '0')) };
        const expected = flavour === 'json' ? 'InvalidSignatureException' : 'SignatureDoesNotMatch';
        expect(codeOf(() => verifySigV4(request, forged, SUITE_SECRET, { flavour, body }))).toBe(expected);
      }
    });
  });
});

const s3Examples = vectorsIn(join(ROOT, 's3-documentation'));

function chunkedBody(description: string): Buffer {
  const parts: Buffer[] = [];
  for (const line of description.split('\n')) {
    const [kind = '', value = ''] = line.split(' ');
    if (kind === 'trailer') {
      parts.push(Buffer.from(`${value}\r\n`));
      continue;
    }
    const size = Number.parseInt(kind, 16);
    parts.push(Buffer.from(`${kind};chunk-signature=${value}\r\n`), Buffer.alloc(size, 'a'));
    if (size > 0) parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('\r\n'));
  return Buffer.concat(parts);
}

describe('S3 API Reference examples', () => {
  const scope = '20130524/us-east-1/s3/aws4_request';
  const now = Date.UTC(2013, 4, 24);

  it('has the examples', () => {
    expect(s3Examples.map((example) => example.name).sort()).toEqual([
      'get-bucket-lifecycle',
      'get-object-range',
      'list-objects',
      'presigned-get-object',
      'put-object',
      'put-object-chunked',
      'put-object-chunked-trailer',
    ]);
  });

  describe.each(s3Examples)('$name', (example) => {
    it('verifies with the documented signatures', async () => {
      checkCanonicalForm(example, 's3', S3_SECRET, scope);
      const { request, body } = readRequest(example.files.req ?? '', example.files.authz);
      const parsed = parseSigV4(request, 's3');
      expect(parsed?.accessKeyId).toBe('AKIAIOSFODNN7EXAMPLE');
      if (!parsed) return;
      checkRequestTime(parsed, now, 's3');
      const verified = verifySigV4(request, parsed, S3_SECRET, { flavour: 's3' });
      if (body) checkPayloadHash(verified.payloadHash, sha256Hex(body));
      const chunks = example.files.chunks;
      if (!chunks) return;
      const decoder = createAwsChunkedDecoder({
        mode: verified.streaming?.mode ?? 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
        decodedContentLength: request.headers['x-amz-decoded-content-length'],
        trailer: request.headers['x-amz-trailer'],
        signing: verified.streaming,
      });
      const decoded: Buffer[] = [];
      const wire = chunkedBody(chunks);
      // Odd-sized pieces make every line, CRLF and signature straddle input buffers.
      const pieces = Array.from({ length: Math.ceil(wire.length / 777) }, (_, i) =>
        wire.subarray(i * 777, i * 777 + 777),
      );
      for await (const piece of Readable.from(pieces).pipe(decoder)) decoded.push(piece as Buffer);
      expect(Buffer.concat(decoded).equals(Buffer.alloc(66560, 'a'))).toBe(true);
      expect(Object.fromEntries(decoder.trailers)).toEqual(
        request.headers['x-amz-trailer'] ? { 'x-amz-checksum-crc32c': 'sOO8/Q==' } : {},
      );
    });
  });

  it('expires the presigned example after its X-Amz-Expires', () => {
    const { request } = readRequest(s3Examples.find((e) => e.name === 'presigned-get-object')?.files.req ?? '');
    const parsed = parseSigV4(request, 's3');
    if (!parsed) throw new Error('the presigned example must parse');
    expect(() => checkRequestTime(parsed, now + 86_400_000, 's3')).not.toThrow();
    expect(codeOf(() => checkRequestTime(parsed, now + 86_401_000, 's3'))).toBe('AccessDenied');
  });
});

describe('AWS General Reference examples', () => {
  const examples = vectorsIn(join(ROOT, 'general-reference'));
  const now = Date.UTC(2015, 7, 30, 12, 36);

  it.each(examples)('$name verifies as a presigned query-protocol request', (example) => {
    const { request } = readRequest(example.files.req ?? '');
    const parsed = parseSigV4(request, 'query');
    if (!parsed) throw new Error('the example must parse');
    checkRequestTime(parsed, now, 'query');
    expect(verifySigV4(request, parsed, SUITE_SECRET, { flavour: 'query' }).payloadHash).toBe(sha256Hex(''));
  });
});
