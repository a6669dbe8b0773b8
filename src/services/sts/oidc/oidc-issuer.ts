// xacct's own OpenID Connect issuer at `<endpoint>/_xacct/oidc`: one RSA-2048 signing key, made on first need and
// kept in the `meta` table, that signs the tokens the admin API mints. A token may name another issuer (say
// `https://token.actions.githubusercontent.com`); xacct then accepts tokens it signed for that issuer too, since it
// cannot reach the real one, which lets a GitHub Actions trust policy be tested unchanged.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
} from 'node:crypto';
import type { Database } from '../../../storage/db.js';
import type { ServerConfig } from '../../types.js';
import { type JsonObject, signJwt } from './jwt.js';

export const OIDC_PATH = '/_xacct/oidc';
const KEY_META = 'sts.oidc.signing-key';
const RESERVED_CLAIMS = new Set(['iss', 'sub', 'aud', 'exp', 'iat', 'nbf', 'jti']);
const MAX_TTL_SECONDS = 7 * 24 * 3600;
const DEFAULT_TTL_SECONDS = 3600;

/** A mint request as received; every field is checked before use. */
export interface MintRequest {
  readonly sub?: unknown;
  readonly aud?: unknown;
  readonly iss?: unknown;
  readonly ttl?: unknown;
  readonly claims?: unknown;
}

/** A mint request xacct refuses; the message says what was wrong with which value. */
export class MintRequestError extends Error {
  override readonly name = 'MintRequestError';
}

interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

export class OidcIssuer {
  private key: SigningKey | undefined;

  constructor(
    private readonly db: Database,
    private readonly config: ServerConfig,
  ) {}

  /** Read on every use: the endpoint is known only once the server listens. */
  get issuerUrl(): string {
    return `${this.config.endpointUrl.replace(/\/$/, '')}${OIDC_PATH}`;
  }

  discovery(): JsonObject {
    const issuer = this.issuerUrl;
    return {
      issuer,
      jwks_uri: `${issuer}/jwks`,
      response_types_supported: ['id_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      claims_supported: ['aud', 'exp', 'iat', 'iss', 'jti', 'nbf', 'sub'],
    };
  }

  jwks(): JsonObject {
    const { kid, publicKey } = this.signingKey();
    return { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] };
  }

  mint(request: MintRequest, nowMs: number): string {
    const iss = request.iss === undefined ? this.issuerUrl : issuerOf(request.iss, this.issuerUrl);
    const ttl = ttlOf(request.ttl);
    const claims = claimsOf(request.claims);
    const iat = Math.floor(nowMs / 1000);
    const payload = {
      ...claims,
      iss,
      sub: subjectOf(request.sub),
      aud: audienceOf(request.aud),
      iat,
      nbf: iat,
      exp: iat + ttl,
      jti: randomUUID(),
    };
    const key = this.signingKey();
    this.db.prepare('INSERT OR IGNORE INTO sts_oidc_issuers (issuer, first_minted_at) VALUES (?, ?)').run(iss, nowMs);
    return signJwt({ alg: 'RS256', typ: 'JWT', kid: key.kid }, payload, key.privateKey);
  }

  /** The key that verifies tokens claiming issuer `iss`, or undefined when xacct does not sign for that issuer. */
  verificationKey(iss: string): KeyObject | undefined {
    const minted =
      iss === this.issuerUrl ||
      this.db.prepare<[string], number>('SELECT 1 FROM sts_oidc_issuers WHERE issuer = ?').pluck().get(iss) !==
        undefined;
    return minted ? this.signingKey().publicKey : undefined;
  }

  private signingKey(): SigningKey {
    this.key ??= this.loadOrCreateKey();
    return this.key;
  }

  private loadOrCreateKey(): SigningKey {
    const select = this.db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck();
    let pem = select.get(KEY_META);
    if (pem === undefined) {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      // Two issuers over one database may race to make the key; the first one stored wins for both.
      this.db
        .prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)')
        .run(KEY_META, privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
      pem = select.get(KEY_META)!;
    }
    const privateKey = createPrivateKey(pem);
    const publicKey = createPublicKey(privateKey);
    const der = publicKey.export({ format: 'der', type: 'spki' });
    return { kid: createHash('sha256').update(der).digest('base64url').slice(0, 16), privateKey, publicKey };
  }
}

function subjectOf(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new MintRequestError('sub must be a non-empty string');
  return value;
}

function audienceOf(value: unknown): string | string[] {
  if (typeof value === 'string' && value !== '') return value;
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v !== '')) {
    return value as string[];
  }
  throw new MintRequestError('aud must be a non-empty string or a non-empty list of them');
}

/** Another issuer must be an https URL without query or fragment, as OIDC requires of issuer identifiers. */
function issuerOf(value: unknown, own: string): string {
  if (value === own) return own;
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined || url.protocol !== 'https:' || url.search !== '' || url.hash !== '') {
    throw new MintRequestError(`iss must be an https URL without query or fragment, not ${JSON.stringify(value)}`);
  }
  return value as string;
}

function ttlOf(value: unknown): number {
  if (value === undefined) return DEFAULT_TTL_SECONDS;
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_TTL_SECONDS) {
    throw new MintRequestError(`ttl must be an integer number of seconds from 1 to ${MAX_TTL_SECONDS}`);
  }
  return value as number;
}

function claimsOf(value: unknown): JsonObject {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MintRequestError('claims must be a JSON object');
  }
  const reserved = Object.keys(value).filter((k) => RESERVED_CLAIMS.has(k));
  if (reserved.length > 0) {
    throw new MintRequestError(`claims may not set ${reserved.join(', ')}; use the request's own fields`);
  }
  return value as JsonObject;
}
