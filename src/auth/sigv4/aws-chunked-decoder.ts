// Decodes an aws-chunked request body (STREAMING-* x-amz-content-sha256) into the object's bytes with
// flat memory: chunk data is forwarded as it arrives and each chunk signature is checked when its last
// byte has passed.
// INVARIANT: consumers commit what they received only after the stream ends without error, because a
// chunk's bytes are forwarded before its signature (or the decoded length) is known to be right.
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { chunkStringToSign } from './chunk-signature.js';
import { bodyTerminated, decodedLengthMismatch, invalidChunkSize, missingDecodedLength } from './chunked-errors.js';
import { TrailerSection } from './chunked-trailer.js';
import type { StreamingMode } from './payload-hash.js';
import { signatureHex, signaturesEqual } from './signing-key.js';
import { chunkSignatureMismatch } from './sigv4-errors.js';
import { EMPTY_SHA256 } from './types.js';
import type { ChunkSigningContext } from './verify-sigv4.js';

export interface AwsChunkedOptions {
  readonly mode: StreamingMode;
  /** The x-amz-decoded-content-length header. */
  readonly decodedContentLength: string | undefined;
  /** The x-amz-trailer header: the trailing headers the client announced. */
  readonly trailer?: string;
  /** From verifySigV4; required for the two signed modes. */
  readonly signing?: ChunkSigningContext;
}

const MAX_LINE_BYTES = 4096;
const MIN_CHUNK_BYTES = 8192;
const CHUNK_HEADER = /^([0-9a-fA-F]{1,12})(?:;(.*))?$/;
const SIGNATURE_EXTENSION = /^chunk-signature=([0-9a-f]{64})$/;
const DIGITS = /^\d{1,15}$/;

type State = 'header' | 'data' | 'data-end' | 'trailer' | 'done';

export class AwsChunkedDecoder extends Transform {
  /** The trailing headers (lower-case names), complete once the stream has ended. */
  get trailers(): ReadonlyMap<string, string> {
    return this.trailerSection.values;
  }

  /** Decoded bytes forwarded so far. */
  get decodedLength(): number {
    return this.forwarded;
  }

  private readonly expectedLength: number;
  private readonly signing: ChunkSigningContext | undefined;
  private readonly trailerSection: TrailerSection;
  private state: State = 'header';
  private forwarded = 0;
  private line = '';
  private sawCr = false;
  private remaining = 0;
  private chunkCount = 0;
  private previousSize = -1;
  private chunkHash: Hash | undefined;
  private chunkSignature = '';
  private previousSignature: string;

  constructor(options: AwsChunkedOptions) {
    super();
    const declared = options.decodedContentLength;
    if (declared === undefined || !DIGITS.test(declared)) throw missingDecodedLength();
    this.expectedLength = Number(declared);
    const signed = options.mode !== 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';
    if (signed && !options.signing) throw new Error(`${options.mode} needs the request's signing context`);
    this.signing = signed ? options.signing : undefined;
    this.previousSignature = this.signing?.seedSignature ?? '';
    const trailerNames = options.mode.endsWith('-TRAILER') ? parseTrailerNames(options.trailer) : new Set<string>();
    const trailerSigning = options.mode === 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER' ? this.signing : undefined;
    this.trailerSection = new TrailerSection(trailerNames, trailerSigning);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      let offset = 0;
      while (offset < chunk.length) offset = this.step(chunk, offset);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (this.state === 'trailer' && this.line === '') {
        this.trailerSection.finishAtEnd(this.previousSignature);
        this.state = 'done';
      }
      callback(this.state === 'done' ? undefined : bodyTerminated());
    } catch (error) {
      callback(error as Error);
    }
  }

  // Consumes input from `offset` according to the state; returns the new offset.
  private step(chunk: Buffer, offset: number): number {
    switch (this.state) {
      case 'header':
      case 'trailer':
        return this.readLine(chunk, offset);
      case 'data':
        return this.readData(chunk, offset);
      case 'data-end':
        return this.readDataEnd(chunk, offset);
      case 'done':
        throw bodyTerminated();
    }
  }

  private readLine(chunk: Buffer, offset: number): number {
    const newline = chunk.indexOf(0x0a, offset);
    const end = newline < 0 ? chunk.length : newline;
    this.line += chunk.toString('latin1', offset, end);
    if (this.line.length > MAX_LINE_BYTES) throw bodyTerminated();
    if (newline < 0) return chunk.length;
    const text = this.line.endsWith('\r') ? this.line.slice(0, -1) : this.line;
    this.line = '';
    if (this.state === 'header') this.chunkHeader(text);
    else if (this.trailerSection.line(text, this.previousSignature)) this.state = 'done';
    return newline + 1;
  }

  private chunkHeader(text: string): void {
    const match = CHUNK_HEADER.exec(text);
    if (!match) throw bodyTerminated();
    const size = Number.parseInt(match[1]!, 16);
    if (this.signing) {
      const signature = SIGNATURE_EXTENSION.exec(match[2] ?? '');
      if (!signature) throw bodyTerminated();
      this.chunkSignature = signature[1]!;
    }
    this.chunkCount++;
    if (size > 0 && this.previousSize >= 0 && this.previousSize < MIN_CHUNK_BYTES) {
      throw invalidChunkSize(this.chunkCount, this.previousSize);
    }
    this.previousSize = size;
    if (size === 0) {
      this.verifyChunk(EMPTY_SHA256);
      if (this.forwarded !== this.expectedLength) throw decodedLengthMismatch(this.expectedLength, this.forwarded);
      this.state = 'trailer';
      return;
    }
    this.remaining = size;
    this.chunkHash = this.signing ? createHash('sha256') : undefined;
    this.state = 'data';
  }

  private readData(chunk: Buffer, offset: number): number {
    const take = Math.min(this.remaining, chunk.length - offset);
    const data = chunk.subarray(offset, offset + take);
    this.chunkHash?.update(data);
    this.remaining -= take;
    this.forwarded += take;
    this.push(data);
    if (this.remaining === 0) {
      if (this.chunkHash) this.verifyChunk(this.chunkHash.digest('hex'));
      this.state = 'data-end';
    }
    return offset + take;
  }

  // The CRLF after chunk data, which may arrive split across input buffers.
  private readDataEnd(chunk: Buffer, offset: number): number {
    if (chunk[offset] !== (this.sawCr ? 0x0a : 0x0d)) throw bodyTerminated();
    if (this.sawCr) this.state = 'header';
    this.sawCr = !this.sawCr;
    return offset + 1;
  }

  private verifyChunk(sha256Hex: string): void {
    if (!this.signing) return;
    const expected = signatureHex(
      this.signing.signingKey,
      chunkStringToSign(this.signing, this.previousSignature, sha256Hex),
    );
    if (!signaturesEqual(expected, this.chunkSignature)) throw chunkSignatureMismatch();
    this.previousSignature = this.chunkSignature;
  }
}

function parseTrailerNames(header: string | undefined): Set<string> {
  const names = new Set<string>();
  for (const name of (header ?? '').split(',')) {
    const trimmed = name.trim().toLowerCase();
    if (trimmed) names.add(trimmed);
  }
  return names;
}

/**
 * A decoder for a verified request's aws-chunked body.
 * @throws AwsError `MissingContentLength` when x-amz-decoded-content-length is absent or not a number.
 */
export function createAwsChunkedDecoder(options: AwsChunkedOptions): AwsChunkedDecoder {
  return new AwsChunkedDecoder(options);
}
