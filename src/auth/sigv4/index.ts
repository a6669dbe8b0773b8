// Facade of SigV4: parse a request's credential, check its time and scope, verify its signature, and
// decode aws-chunked bodies. See README.md beside this file.
export { formatAmzDate, parseAmzDate } from './amz-date.js';
export { type AwsChunkedDecoder, type AwsChunkedOptions, createAwsChunkedDecoder } from './aws-chunked-decoder.js';
export {
  canonicalHeaders,
  canonicalHeaderValue,
  canonicalQueryString,
  canonicalRequest,
  sha256Hex,
  stringToSign,
} from './canonical-request.js';
export { canonicalTrailers, chunkStringToSign, trailerStringToSign } from './chunk-signature.js';
export { MAX_PRESIGNED_EXPIRES_SECONDS } from './parse-s3-auth.js';
export { parseSigV4 } from './parse-sigv4.js';
export { checkPayloadHash, isStreamingMode, type StreamingMode } from './payload-hash.js';
export {
  checkCredentialScope,
  checkRequestTime,
  checkS3Region,
  type ExpectedScope,
  MAX_SKEW_MS,
} from './request-checks.js';
export { deriveSigningKey, SigningKeyCache, signatureHex, signaturesEqual } from './signing-key.js';
export { missingAuthenticationToken } from './sigv4-errors.js';
export * from './types.js';
export { awsUriEncode, canonicalUri, normalizePath } from './uri-encode.js';
export { type ChunkSigningContext, type VerifiedSigV4, type VerifyOptions, verifySigV4 } from './verify-sigv4.js';
