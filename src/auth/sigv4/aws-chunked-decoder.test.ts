import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../core/aws-error.js';
import { checksumBase64, createChecksum, verifyAmzChecksum } from '../../core/checksums/index.js';
import { type AwsChunkedOptions, createAwsChunkedDecoder } from './aws-chunked-decoder.js';
import { sha256Hex } from './canonical-request.js';
import { chunkStringToSign, trailerStringToSign } from './chunk-signature.js';
import { deriveSigningKey, signatureHex } from './signing-key.js';
import { EMPTY_SHA256 } from './types.js';
import type { ChunkSigningContext } from './verify-sigv4.js';

// The S3 API Reference's chunked upload: 66560 bytes of 'a' in chunks of 65536, 1024 and 0.
const DOC: ChunkSigningContext = {
  mode: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  signingKey: deriveSigningKey('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '20130524', 'us-east-1', 's3'),
  amzDate: '20130524T000000Z',
  credentialScope: '20130524/us-east-1/s3/aws4_request',
  seedSignature: '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
};
const DOC_CHUNK_SIGNATURES = [
  'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
  '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
  'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9',
];

/** Frames `chunks` the way a signing client does, chaining signatures from the seed. */
function signedBody(signing: ChunkSigningContext, chunks: readonly Buffer[], trailers?: Map<string, string>): Buffer {
  const parts: Buffer[] = [];
  let previous = signing.seedSignature;
  for (const data of [...chunks, Buffer.alloc(0)]) {
    const hash = data.length ? sha256Hex(data) : EMPTY_SHA256;
    previous = signatureHex(signing.signingKey, chunkStringToSign(signing, previous, hash));
    parts.push(Buffer.from(`${data.length.toString(16)};chunk-signature=${previous}\r\n`), data);
    if (data.length) parts.push(Buffer.from('\r\n'));
  }
  if (trailers) {
    for (const [name, value] of trailers) parts.push(Buffer.from(`${name}:${value}\r\n`));
    const signature = signatureHex(signing.signingKey, trailerStringToSign(signing, previous, trailers));
    parts.push(Buffer.from(`x-amz-trailer-signature:${signature}\r\n`));
  }
  parts.push(Buffer.from('\r\n'));
  return Buffer.concat(parts);
}

function unsignedBody(chunks: readonly Buffer[], trailer: string): Buffer {
  const parts: Buffer[] = [];
  for (const data of chunks) parts.push(Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n'));
  parts.push(Buffer.from(`0\r\n${trailer}\r\n\r\n`));
  return Buffer.concat(parts);
}

function pieces(body: Buffer, size: number): Buffer[] {
  return Array.from({ length: Math.ceil(body.length / size) }, (_, i) => body.subarray(i * size, (i + 1) * size));
}

async function decode(options: AwsChunkedOptions, input: Buffer[]) {
  const decoder = createAwsChunkedDecoder(options);
  const out: Buffer[] = [];
  for await (const part of Readable.from(input).pipe(decoder)) out.push(part as Buffer);
  return { data: Buffer.concat(out), decoder };
}

async function failure(options: AwsChunkedOptions, input: Buffer[]): Promise<AwsError> {
  try {
    await decode(options, input);
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('expected the decoder to fail');
}

const A = Buffer.alloc(66560, 'a');
const DOC_BODY = signedBody(DOC, [A.subarray(0, 65536), A.subarray(65536)]);
const DOC_OPTIONS: AwsChunkedOptions = { mode: DOC.mode, decodedContentLength: '66560', signing: DOC };

describe('signed chunks (STREAMING-AWS4-HMAC-SHA256-PAYLOAD)', () => {
  it('produces the chunk signatures of the S3 documentation', () => {
    const lines = DOC_BODY.toString('latin1').match(/chunk-signature=(\w+)/g);
    expect(lines).toEqual(DOC_CHUNK_SIGNATURES.map((s) => `chunk-signature=${s}`));
  });

  it.each([1, 7, 4096, DOC_BODY.length])('decodes the documented body fed in pieces of %i bytes', async (size) => {
    const { data, decoder } = await decode(DOC_OPTIONS, pieces(DOC_BODY, size));
    expect(data.equals(A)).toBe(true);
    expect(decoder.decodedLength).toBe(66560);
    expect(decoder.trailers.size).toBe(0);
  });

  it('rejects a chunk whose data was altered', async () => {
    const forged = Buffer.from(DOC_BODY);
    forged[65536 + 200] = 0x62;
    const error = await failure(DOC_OPTIONS, [forged]);
    expect([error.code, error.status]).toEqual(['SignatureDoesNotMatch', 403]);
  });

  it('rejects a body whose chunk signatures were chained from another seed', async () => {
    const other = signedBody({ ...DOC, seedSignature: '0'.repeat(64) }, [A.subarray(0, 65536), A.subarray(65536)]);
    expect((await failure(DOC_OPTIONS, [other])).code).toBe('SignatureDoesNotMatch');
  });

  it('rejects a chunk without a chunk signature', async () => {
    const bare = Buffer.from(DOC_BODY.toString('latin1').replace(/;chunk-signature=\w+/, ''), 'latin1');
    expect((await failure(DOC_OPTIONS, [bare])).code).toBe('IncompleteBody');
  });

  it('forwards data before the body has ended (flat memory)', async () => {
    const decoder = createAwsChunkedDecoder(DOC_OPTIONS);
    const first = new Promise<Buffer>((resolve) => decoder.once('data', resolve));
    decoder.write(DOC_BODY.subarray(0, 1000));
    expect((await first).length).toBeGreaterThan(0);
    decoder.destroy();
  });
});

describe('framing errors', () => {
  it.each([
    ['inside chunk data', 30_000],
    ['before the final chunk', DOC_BODY.length - 90],
    ['before the closing empty line', DOC_BODY.length - 2],
  ])('answers IncompleteBody when the body ends %s', async (_where, cut) => {
    const error = await failure(DOC_OPTIONS, [DOC_BODY.subarray(0, cut)]);
    expect([error.code, error.message]).toEqual(['IncompleteBody', 'The request body terminated unexpectedly']);
  });

  it('answers IncompleteBody when x-amz-decoded-content-length disagrees', async () => {
    const error = await failure({ ...DOC_OPTIONS, decodedContentLength: '66561' }, [DOC_BODY]);
    expect([error.code, error.message]).toEqual([
      'IncompleteBody',
      'You did not provide the number of bytes specified by the Content-Length HTTP header',
    ]);
    expect(error.extra).toEqual({ NumberBytesExpected: '66561', NumberBytesProvided: '66560' });
  });

  it('refuses a chunk under 8192 bytes that is not the last', async () => {
    const body = signedBody(DOC, [Buffer.from('hel'), Buffer.from('lo')]);
    const error = await failure({ ...DOC_OPTIONS, decodedContentLength: '5' }, [body]);
    expect([error.code, error.message]).toEqual([
      'InvalidChunkSizeError',
      'Only the last chunk is allowed to have a size less than 8192 bytes',
    ]);
    expect(error.extra).toEqual({ Chunk: '2', BadChunkSize: '3' });
  });

  it('refuses bytes after the end of the body', async () => {
    expect((await failure(DOC_OPTIONS, [DOC_BODY, Buffer.from('x')])).code).toBe('IncompleteBody');
  });

  it('requires x-amz-decoded-content-length', () => {
    const error = (() => {
      try {
        createAwsChunkedDecoder({ ...DOC_OPTIONS, decodedContentLength: undefined });
      } catch (caught) {
        return caught as AwsError;
      }
      throw new Error('expected a synchronous failure');
    })();
    expect([error.code, error.status]).toEqual(['MissingContentLength', 411]);
  });
});

describe('trailers', () => {
  const data = Buffer.alloc(10_000, 'z');
  const crc = checksumBase64('CRC32', data);
  const unsigned: AwsChunkedOptions = {
    mode: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
    decodedContentLength: String(data.length),
    trailer: 'x-amz-checksum-crc32',
  };

  it('exposes an unsigned trailing checksum that the S3 layer can check', async () => {
    const { data: decoded, decoder } = await decode(
      unsigned,
      pieces(unsignedBody([data], `x-amz-checksum-crc32:${crc}`), 333),
    );
    expect(decoded.equals(data)).toBe(true);
    expect(decoder.trailers.get('x-amz-checksum-crc32')).toBe(crc);
    const checksum = createChecksum('CRC32');
    checksum.update(decoded);
    expect(() => verifyAmzChecksum('CRC32', crc, checksum.digest(), 'trailer')).not.toThrow();
  });

  it('lets a trailing checksum mismatch surface as BadDigest', async () => {
    const wrong = checksumBase64('CRC32', Buffer.from('other'));
    const { data: decoded, decoder } = await decode(unsigned, [unsignedBody([data], `x-amz-checksum-crc32:${wrong}`)]);
    const checksum = createChecksum('CRC32');
    checksum.update(decoded);
    const claimed = decoder.trailers.get('x-amz-checksum-crc32') ?? '';
    expect(() => verifyAmzChecksum('CRC32', claimed, checksum.digest(), 'trailer')).toThrow(
      'The CRC32 you specified did not match the calculated checksum.',
    );
  });

  it.each([
    ['a missing declared trailer', ''],
    ['an undeclared trailer', 'x-amz-checksum-sha256:abc='],
    ['a line that is not a header', 'garbage'],
  ])('answers MalformedTrailerError for %s', async (_case, trailer) => {
    const body = Buffer.from(
      unsignedBody([data], trailer).toString('latin1').replace('\r\n\r\n\r\n', '\r\n\r\n'),
      'latin1',
    );
    const error = await failure(unsigned, [body]);
    expect(error.code).toBe('MalformedTrailerError');
  });

  it('checks the trailer signature of STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', async () => {
    const signing = { ...DOC, mode: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER' as const };
    const options: AwsChunkedOptions = {
      mode: signing.mode,
      decodedContentLength: String(data.length),
      trailer: 'x-amz-checksum-crc32',
      signing,
    };
    const body = signedBody(signing, [data], new Map([['x-amz-checksum-crc32', crc]]));
    const { decoder } = await decode(options, pieces(body, 100));
    expect(decoder.trailers.get('x-amz-checksum-crc32')).toBe(crc);
    const forged = Buffer.from(
      body.toString('latin1').replace(crc, checksumBase64('CRC32', Buffer.from('x'))),
      'latin1',
    );
    expect((await failure(options, [forged])).code).toBe('SignatureDoesNotMatch');
    const unsignedTrailer = Buffer.from(
      body.toString('latin1').replace(/x-amz-trailer-signature:\w+\r\n/, ''),
      'latin1',
    );
    expect((await failure(options, [unsignedTrailer])).code).toBe('SignatureDoesNotMatch');
  });

  it('accepts the layout of the S3 documentation: an empty line before the trailers and none after', async () => {
    const signing = { ...DOC, mode: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER' as const };
    const options: AwsChunkedOptions = {
      mode: signing.mode,
      decodedContentLength: String(data.length),
      trailer: 'x-amz-checksum-crc32',
      signing,
    };
    const body = signedBody(signing, [data], new Map([['x-amz-checksum-crc32', crc]])).toString('latin1');
    const documented = body.replace(/(\n0;chunk-signature=\w+\r\n)/, '$1\r\n').replace(/\r\n\r\n$/, '\r\n');
    expect(documented).toMatch(/\r\n0;chunk-signature=\w+\r\n\r\nx-amz-checksum-crc32:/);
    const { decoder } = await decode(options, [Buffer.from(documented, 'latin1')]);
    expect(decoder.trailers.get('x-amz-checksum-crc32')).toBe(crc);
  });
});
