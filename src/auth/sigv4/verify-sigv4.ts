// Recomputes a request's SigV4 signature and compares it, in constant time, with the one it carries.
import { canonicalHeaders, canonicalQueryString, canonicalRequest, stringToSign } from './canonical-request.js';
import { isStreamingMode, type StreamingMode, signedPayloadHash } from './payload-hash.js';
import { deriveSigningKey, type SigningKeyCache, signatureHex, signaturesEqual } from './signing-key.js';
import { headersNotSigned, invalidSignature, signatureMismatch } from './sigv4-errors.js';
import type { ParsedSigV4, SigningRequest, SigV4Flavour } from './types.js';
import { canonicalUri } from './uri-encode.js';

export interface VerifyOptions {
  readonly flavour: SigV4Flavour;
  /** The body, hashed when the signature covers it (query/JSON requests without x-amz-content-sha256). */
  readonly body?: Uint8Array | string;
  /** Derived signing keys to reuse; without it every call derives afresh. */
  readonly keyCache?: SigningKeyCache;
}

/** What an aws-chunked decoder needs to check the chunk signatures chained from the seed signature. */
export interface ChunkSigningContext {
  readonly mode: StreamingMode;
  readonly signingKey: Buffer;
  readonly amzDate: string;
  readonly credentialScope: string;
  readonly seedSignature: string;
}

export interface VerifiedSigV4 {
  /** The payload hash the signature covers: a hex SHA-256, UNSIGNED-PAYLOAD or a STREAMING-* value. */
  readonly payloadHash: string;
  /** Present when the body is aws-chunked (x-amz-content-sha256 is one of the STREAMING-* values). */
  readonly streaming: ChunkSigningContext | undefined;
}

/**
 * Verifies the signature of a parsed request with the secret of its access key.
 * @throws AwsError `AccessDenied` (S3: unsigned x-amz-* or host header), `SignatureDoesNotMatch` /
 *   `InvalidSignatureException` (host unsigned, or signature mismatch), and the payload-hash errors
 *   of S3 (`InvalidRequest`, `InvalidArgument`).
 */
export function verifySigV4(
  request: SigningRequest,
  parsed: ParsedSigV4,
  secretAccessKey: string,
  options: VerifyOptions,
): VerifiedSigV4 {
  const { flavour } = options;
  checkSignedHeaders(request, parsed, flavour);
  const payloadHash = signedPayloadHash(request, parsed, flavour, options.body);
  const canonical = canonicalRequest({
    method: request.method,
    canonicalUri: canonicalUri(request.rawPath, flavour),
    canonicalQuery: canonicalQueryString(request.query, parsed.location === 'query' ? 'X-Amz-Signature' : undefined),
    canonicalHeaders: canonicalHeaders(request.headers, parsed.signedHeaders),
    signedHeaders: parsed.signedHeaders,
    payloadHash,
  });
  const toSign = stringToSign(parsed.amzDate, parsed.credentialScope, canonical);
  const { scopeDate, region, service } = parsed;
  const signingKey = options.keyCache
    ? options.keyCache.get(secretAccessKey, scopeDate, region, service)
    : deriveSigningKey(secretAccessKey, scopeDate, region, service);
  if (!signaturesEqual(signatureHex(signingKey, toSign), parsed.signature)) {
    throw signatureMismatch(flavour, {
      accessKeyId: parsed.accessKeyId,
      stringToSign: toSign,
      signatureProvided: parsed.signature,
      canonicalRequest: canonical,
    });
  }
  const streaming = isStreamingMode(payloadHash)
    ? {
        mode: payloadHash,
        signingKey,
        amzDate: parsed.amzDate,
        credentialScope: parsed.credentialScope,
        seedSignature: parsed.signature,
      }
    : undefined;
  return { payloadHash, streaming };
}

function checkSignedHeaders(request: SigningRequest, parsed: ParsedSigV4, flavour: SigV4Flavour): void {
  const signed = parsed.signedHeaders;
  if (flavour !== 's3') {
    if (!signed.includes('host')) {
      throw invalidSignature(flavour, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }
    return;
  }
  const unsigned: string[] = [];
  for (const name in request.headers) {
    if (!name.startsWith('x-amz-') || signed.includes(name)) continue;
    // Presigned URLs sign UNSIGNED-PAYLOAD whatever this header says, so S3 lets it through unsigned.
    if (parsed.location === 'query' && name === 'x-amz-content-sha256') continue;
    unsigned.push(name);
  }
  if (!signed.includes('host')) unsigned.unshift('host');
  if (unsigned.length > 0) throw headersNotSigned(unsigned);
}
