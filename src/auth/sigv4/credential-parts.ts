// Pieces shared by the S3 and service parsers: the presigned parameters, the credential's five parts,
// the signed-header list, and the assembly of the parsed result.
import { type ParsedSigV4, SCOPE_TERMINATOR } from './types.js';

/** The presigned-URL parameters, first occurrence of each. */
export interface PresignedParams {
  algorithm?: string;
  credential?: string;
  date?: string;
  expires?: string;
  signedHeaders?: string;
  signature?: string;
  securityToken?: string;
  /** SigV2 presigned URLs (`AWSAccessKeyId` + `Signature`), which S3 refuses here. */
  v2?: boolean;
}

export type CredentialParts = readonly [
  accessKeyId: string,
  date: string,
  region: string,
  service: string,
  terminator: string,
];

/** The five parts of `AKID/date/region/service/aws4_request`, or undefined when the shape is wrong. */
export function splitCredential(credential: string): CredentialParts | undefined {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts.some((part) => part === '')) return undefined;
  return parts as unknown as CredentialParts;
}

/** Header names of X-Amz-SignedHeaders / SignedHeaders, lower-cased. */
export function splitSignedHeaders(text: string): readonly string[] {
  return text === '' ? [] : text.toLowerCase().split(';');
}

export interface ParsedFields {
  readonly location: 'header' | 'query';
  readonly credential: CredentialParts;
  readonly signedHeaders: string;
  readonly signature: string;
  readonly amzDate: string;
  readonly requestTimeMs: number;
  readonly expiresSeconds: number | undefined;
  readonly securityToken: string | undefined;
}

export function buildParsed(fields: ParsedFields): ParsedSigV4 {
  const [accessKeyId, scopeDate, region, service] = fields.credential;
  return {
    location: fields.location,
    accessKeyId,
    scopeDate,
    region,
    service,
    credentialScope: `${scopeDate}/${region}/${service}/${SCOPE_TERMINATOR}`,
    signedHeaders: splitSignedHeaders(fields.signedHeaders),
    signature: fields.signature,
    amzDate: fields.amzDate,
    requestTimeMs: fields.requestTimeMs,
    expiresSeconds: fields.expiresSeconds,
    securityToken: fields.securityToken,
  };
}

/** Splits `Credential=..., SignedHeaders=..., Signature=...` into its named components. */
export interface AuthorizationComponents {
  readonly algorithm: string;
  readonly values: ReadonlyMap<string, string>;
  /** The first component without an `=`, if any. */
  readonly invalid: string | undefined;
}

const SEPARATORS = /[\s,]+/;

export function splitAuthorization(authorization: string): AuthorizationComponents {
  const [algorithm = '', ...tokens] = authorization.trim().split(SEPARATORS);
  const values = new Map<string, string>();
  let invalid: string | undefined;
  for (const token of tokens) {
    if (token === '') continue;
    const eq = token.indexOf('=');
    if (eq < 0) {
      invalid ??= token;
      continue;
    }
    const name = token.slice(0, eq);
    if (!values.has(name)) values.set(name, token.slice(eq + 1));
  }
  return { algorithm, values, invalid };
}
