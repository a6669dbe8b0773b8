// Which payload hash a request's signature covers, and S3's check of a declared body hash.
import { AwsError, notImplemented } from '../../core/aws-error.js';
import { sha256Hex } from './canonical-request.js';
import { type ParsedSigV4, type SigningRequest, type SigV4Flavour, UNSIGNED_PAYLOAD } from './types.js';

/** The aws-chunked variants a SigV4 (HMAC) request may announce in x-amz-content-sha256. */
export type StreamingMode =
  | 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD'
  | 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER'
  | 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';

const STREAMING_MODES: ReadonlySet<string> = new Set<StreamingMode>([
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
]);

// SigV4a streaming: a valid value S3 names in its message, but only an ECDSA signer can produce it.
const ECDSA_MODES: ReadonlySet<string> = new Set([
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER',
]);

const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

export function isStreamingMode(value: string): value is StreamingMode {
  return STREAMING_MODES.has(value);
}

/**
 * The payload hash that enters the canonical request. S3 header auth requires x-amz-content-sha256
 * and signs it verbatim; S3 presigned URLs sign UNSIGNED-PAYLOAD; other services sign the header when
 * present and the body's SHA-256 otherwise.
 * @throws AwsError `InvalidRequest` (S3, header missing), `InvalidArgument` (S3, value not allowed).
 */
export function signedPayloadHash(
  request: SigningRequest,
  parsed: ParsedSigV4,
  flavour: SigV4Flavour,
  body: Uint8Array | string | undefined,
): string {
  const header = request.headers['x-amz-content-sha256'];
  if (flavour !== 's3') return header ?? sha256Hex(body ?? '');
  if (parsed.location === 'query') return queryValue(request, 'X-Amz-Content-Sha256') ?? UNSIGNED_PAYLOAD;
  if (header === undefined) {
    throw new AwsError('InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
  }
  if (
    header !== UNSIGNED_PAYLOAD &&
    !STREAMING_MODES.has(header) &&
    !ECDSA_MODES.has(header) &&
    !SHA256_HEX.test(header)
  ) {
    throw new AwsError(
      'InvalidArgument',
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.',
      { extra: { ArgumentName: 'x-amz-content-sha256', ArgumentValue: header } },
    );
  }
  if (ECDSA_MODES.has(header)) {
    throw notImplemented('x-amz-content-sha256');
  }
  return header;
}

function queryValue(request: SigningRequest, name: string): string | undefined {
  for (const [key, value] of request.query) if (key === name) return value;
  return undefined;
}

/**
 * Holds the SHA-256 the server computed over an S3 body against the hex hash the client declared in
 * x-amz-content-sha256 (UNSIGNED-PAYLOAD and STREAMING-* values declare none).
 * @throws AwsError `XAmzContentSHA256Mismatch`.
 */
export function checkPayloadHash(declared: string, computedHex: string): void {
  if (!SHA256_HEX.test(declared) || declared.toLowerCase() === computedHex) return;
  throw new AwsError(
    'XAmzContentSHA256Mismatch',
    "The provided 'x-amz-content-sha256' header does not match what was computed.",
    {
      extra: { ClientComputedContentSHA256: declared, S3ComputedContentSHA256: computedHex },
    },
  );
}
