// Reads what a request says about its body before a byte of it is read: how it is framed (plain or aws-chunked),
// how long it is, and which digests it claims (x-amz-content-sha256, Content-MD5, one x-amz-checksum-* in a header
// or an aws-chunked trailer). Every malformed claim is refused here with S3's error, so no body is stored for it.
import { isStreamingMode, type StreamingMode } from '../../../auth/sigv4/index.js';
import { AwsError } from '../../../core/aws-error.js';
import {
  AMZ_CHECKSUM_ALGORITHMS,
  type AmzChecksumAlgorithm,
  amzChecksumAlgorithmOf,
  amzChecksumHeader,
  isWellFormedChecksum,
} from '../../../core/checksums/index.js';
import type { CallContext } from '../../types.js';

export interface ClaimedChecksum {
  readonly algorithm: AmzChecksumAlgorithm;
  /** Where the value is: a header (known now) or an aws-chunked trailer (known once the body has ended). */
  readonly location: 'header' | 'trailer';
  /** The header's value; undefined for a trailer. */
  readonly value: string | undefined;
}

export interface BodyPlan {
  /** Set when the body is aws-chunked. */
  readonly streamingMode: StreamingMode | undefined;
  /** The body's length as declared (decoded length for aws-chunked bodies). */
  readonly declaredLength: number;
  /** The hex SHA-256 the signature covers, when it covers one. */
  readonly payloadSha256: string | undefined;
  /** Content-MD5 as the 16 raw bytes. */
  readonly contentMd5: Buffer | undefined;
  readonly checksum: ClaimedChecksum | undefined;
}

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;
const DIGITS = /^\d{1,19}$/;

export function planBody(call: CallContext): BodyPlan {
  const headers = call.http.headers;
  const streamingMode = streamingModeOf(call);
  const declaredLength = lengthOf(headers, streamingMode);
  const payloadHash = call.signature?.payloadHash;
  return {
    streamingMode,
    declaredLength,
    payloadSha256: payloadHash !== undefined && HEX_SHA256.test(payloadHash) ? payloadHash.toLowerCase() : undefined,
    contentMd5: contentMd5Of(headers['content-md5']),
    checksum: claimedChecksum(headers, streamingMode),
  };
}

/** The aws-chunked mode: from the verified signature, or for an unsigned request the one mode it may use. */
function streamingModeOf(call: CallContext): StreamingMode | undefined {
  if (call.signature !== undefined) return call.signature.streaming?.mode;
  const declared = call.http.headers['x-amz-content-sha256'];
  return declared === 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' && isStreamingMode(declared) ? declared : undefined;
}

function lengthOf(headers: Readonly<Record<string, string>>, mode: StreamingMode | undefined): number {
  const text = mode === undefined ? headers['content-length'] : headers['x-amz-decoded-content-length'];
  if (text === undefined || !DIGITS.test(text)) {
    throw new AwsError('MissingContentLength', 'You must provide the Content-Length HTTP header.', { status: 411 });
  }
  return Number(text);
}

/** Content-MD5 must be the base64 of exactly 16 bytes. */
export function contentMd5Of(header: string | undefined): Buffer | undefined {
  if (header === undefined) return undefined;
  const bytes = Buffer.from(header, 'base64');
  if (bytes.length !== 16 || bytes.toString('base64') !== header) {
    throw new AwsError('InvalidDigest', 'The Content-MD5 you specified was invalid.', {
      extra: { 'Content-MD5': header },
    });
  }
  return bytes;
}

/** The one checksum the request claims, from its headers or its announced trailer. */
export function claimedChecksum(
  headers: Readonly<Record<string, string>>,
  mode: StreamingMode | undefined,
): ClaimedChecksum | undefined {
  const claims: ClaimedChecksum[] = [];
  for (const algorithm of AMZ_CHECKSUM_ALGORITHMS) {
    const value = headers[amzChecksumHeader(algorithm)];
    if (value !== undefined) claims.push({ algorithm, location: 'header', value });
  }
  const trailer = mode?.endsWith('-TRAILER') ? headers['x-amz-trailer'] : undefined;
  if (trailer !== undefined && trailer.trim() !== '') {
    const algorithm = amzChecksumAlgorithmOf(trailer.trim());
    if (algorithm === undefined) {
      throw new AwsError('InvalidRequest', 'The value specified in the x-amz-trailer header is not supported');
    }
    claims.push({ algorithm, location: 'trailer', value: undefined });
  }
  if (claims.length > 1) {
    throw new AwsError(
      'InvalidRequest',
      'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.',
    );
  }
  const [claim] = claims;
  if (claim?.value !== undefined && !isWellFormedChecksum(claim.algorithm, claim.value)) {
    throw new AwsError('InvalidRequest', `Value for ${amzChecksumHeader(claim.algorithm)} header is invalid.`);
  }
  if (claim === undefined && headers['x-amz-sdk-checksum-algorithm'] !== undefined) {
    throw new AwsError(
      'InvalidRequest',
      'x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.',
    );
  }
  return claim;
}
