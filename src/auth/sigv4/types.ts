// The shapes the SigV4 functions exchange: the request as received, and what parsing its credential yields.

/**
 * Where error codes and messages differ: S3 (REST-XML), the query protocol (IAM, STS, ...) and the
 * JSON protocols (KMS, Organizations, ...).
 */
export type SigV4Flavour = 's3' | 'query' | 'json';

export interface SigningRequest {
  readonly method: string;
  /** The path as received, percent-encoded, without the query string. */
  readonly rawPath: string;
  /** Percent-decoded query pairs in received order (`+` is not a space). */
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** Lower-case names; repeated headers already joined with `,`. */
  readonly headers: Readonly<Record<string, string>>;
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const SCOPE_TERMINATOR = 'aws4_request';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** A SigV4 credential as parsed from the Authorization header or from presigned query parameters. */
export interface ParsedSigV4 {
  readonly location: 'header' | 'query';
  readonly accessKeyId: string;
  /** `YYYYMMDD` from the credential scope. */
  readonly scopeDate: string;
  readonly region: string;
  readonly service: string;
  /** `date/region/service/aws4_request`, exactly as it enters the string to sign. */
  readonly credentialScope: string;
  /** Lower-case header names as listed by the client. */
  readonly signedHeaders: readonly string[];
  /** Lower-case hex as sent. */
  readonly signature: string;
  /** Request time in ISO 8601 basic format (`20130524T000000Z`), as it enters the string to sign. */
  readonly amzDate: string;
  readonly requestTimeMs: number;
  /** `X-Amz-Expires` of a presigned request, in seconds. */
  readonly expiresSeconds: number | undefined;
  /** `X-Amz-Security-Token` (query) or `x-amz-security-token` (header). */
  readonly securityToken: string | undefined;
}
