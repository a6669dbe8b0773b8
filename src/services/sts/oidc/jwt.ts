// JSON Web Tokens as xacct's OIDC issuer signs and STS verifies them: compact serialization, RS256 only, node:crypto.
import { type KeyObject, sign, verify } from 'node:crypto';

export type JsonObject = Record<string, unknown>;

export interface DecodedJwt {
  readonly header: JsonObject;
  readonly payload: JsonObject;
  /** `base64url(header).base64url(payload)`, the bytes the signature covers. */
  readonly signingInput: string;
  readonly signature: Buffer;
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export function signJwt(header: JsonObject, payload: JsonObject, privateKey: KeyObject): string {
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  return `${signingInput}.${base64url(sign('sha256', Buffer.from(signingInput), privateKey))}`;
}

/** The token's parts, or undefined when it is not a compact JWS with JSON object header and payload. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part))) return undefined;
  const header = parseObject(parts[0]!);
  const payload = parseObject(parts[1]!);
  if (header === undefined || payload === undefined) return undefined;
  return { header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2]!, 'base64url') };
}

export function verifyRs256(jwt: DecodedJwt, publicKey: KeyObject): boolean {
  return jwt.header.alg === 'RS256' && verify('sha256', Buffer.from(jwt.signingInput), publicKey, jwt.signature);
}

function parseObject(part: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}
