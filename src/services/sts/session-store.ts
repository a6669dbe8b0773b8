// The temporary credentials STS has issued: written once at issue time, then looked up on every request signed with
// an ASIA key. Lookups hit an in-memory cache first (a session never changes once issued); the database keeps
// sessions across restarts. Only a SHA-256 of each session token is stored.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { newAccessKeyId, newSecretAccessKey } from '../../core/ids.js';
import { type CompiledPolicy, compilePolicy, type Principal } from '../../policy/index.js';
import type { Database } from '../../storage/db.js';
import { CredentialRefused } from '../credential-refused.js';
import type { Caller, CallerKind, CredentialSource, ResolvedCredential } from '../types.js';

/** A session policy as passed: the inline `Policy` or a managed policy's document (id = its ARN). */
export interface SessionPolicyDocument {
  readonly id: string;
  /** Managed policies keep the identity policy grammar and size they were created with. */
  readonly kind: 'session' | 'identity';
  readonly document: string;
}

export interface NewSession {
  readonly kind: Exclude<CallerKind, 'anonymous'>;
  readonly principal: Principal;
  readonly account: string;
  readonly userId: string;
  readonly userName: string | undefined;
  readonly policies: readonly SessionPolicyDocument[];
  readonly tags: Readonly<Record<string, string>>;
  readonly transitiveTagKeys: readonly string[];
  readonly sourceIdentity: string | undefined;
  /** When MFA was verified for this session (or the session it came from); undefined without MFA. */
  readonly mfaAuthenticatedAt: number | undefined;
  readonly chainedFromRole: boolean;
  readonly federatedProvider: string | undefined;
  readonly issuedAt: number;
  readonly expiresAt: number;
}

export interface IssuedCredentials {
  readonly AccessKeyId: string;
  readonly SecretAccessKey: string;
  readonly SessionToken: string;
  readonly Expiration: Date;
}

interface LoadedSession {
  readonly secretAccessKey: string;
  readonly tokenSha256: Buffer;
  readonly expiresAt: number;
  readonly caller: Caller;
}

interface SessionRow {
  access_key_id: string;
  secret_access_key: string;
  token_sha256: string;
  kind: Exclude<CallerKind, 'anonymous'>;
  account: string;
  principal: string;
  user_id: string;
  user_name: string | null;
  issued_at: number;
  expires_at: number;
  policies: string;
  tags: string;
  transitive_tag_keys: string;
  source_identity: string | null;
  mfa_authenticated_at: number | null;
  chained_from_role: number;
  federated_provider: string | null;
}

const CACHE_LIMIT = 10_000;
/** Expired rows are kept a day (GetAccessKeyInfo still answers for them), then removed as new sessions are issued. */
const EXPIRED_RETENTION_MS = 24 * 3600 * 1000;
const TOKEN_BYTES = 360;

export class SessionStore {
  private readonly cache = new Map<string, LoadedSession>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  issue(session: NewSession): IssuedCredentials {
    const accessKeyId = newAccessKeyId('ASIA');
    const secretAccessKey = newSecretAccessKey();
    const sessionToken = randomBytes(TOKEN_BYTES).toString('base64');
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM sts_sessions WHERE expires_at < ?').run(session.issuedAt - EXPIRED_RETENTION_MS);
      this.db
        .prepare(
          `INSERT INTO sts_sessions (access_key_id, secret_access_key, token_sha256, kind, account, principal, user_id,
             user_name, issued_at, expires_at, policies, tags, transitive_tag_keys, source_identity,
             mfa_authenticated_at, chained_from_role, federated_provider)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          accessKeyId,
          secretAccessKey,
          sha256(sessionToken).toString('hex'),
          session.kind,
          session.account,
          JSON.stringify(storedPrincipal(session.principal)),
          session.userId,
          session.userName ?? null,
          session.issuedAt,
          session.expiresAt,
          JSON.stringify(session.policies),
          JSON.stringify(session.tags),
          JSON.stringify(session.transitiveTagKeys),
          session.sourceIdentity ?? null,
          session.mfaAuthenticatedAt ?? null,
          session.chainedFromRole ? 1 : 0,
          session.federatedProvider ?? null,
        );
    });
    return {
      AccessKeyId: accessKeyId,
      SecretAccessKey: secretAccessKey,
      SessionToken: sessionToken,
      Expiration: new Date(session.expiresAt),
    };
  }

  /** Resolves ASIA keys for the authenticator. */
  readonly credentialSource: CredentialSource = (accessKeyId, sessionToken) => {
    if (!accessKeyId.startsWith('ASIA')) return undefined;
    const session = this.load(accessKeyId);
    if (session === undefined) return undefined;
    const resolved: ResolvedCredential = {
      secretAccessKey: session.secretAccessKey,
      caller: session.caller,
      // The authenticator compares this with the request's token in constant time; a token that does not hash to
      // ours gets a value it can never equal, so an altered or missing token is refused as invalid.
      sessionToken: tokenMatches(session, sessionToken) ? sessionToken : `${sessionToken ?? ''}#refused`,
    };
    // Only a holder of the whole credential learns that it expired.
    if (resolved.sessionToken === sessionToken && this.clock.now() >= session.expiresAt) {
      throw new CredentialRefused('expired');
    }
    return resolved;
  };

  /** The account a temporary access key was issued for (GetAccessKeyInfo), expired or not. */
  accountOf(accessKeyId: string): string | undefined {
    return this.load(accessKeyId)?.caller.account;
  }

  private load(accessKeyId: string): LoadedSession | undefined {
    const cached = this.cache.get(accessKeyId);
    if (cached !== undefined) return cached;
    const row = this.db
      .prepare<[string], SessionRow>('SELECT * FROM sts_sessions WHERE access_key_id = ?')
      .get(accessKeyId);
    if (row === undefined) return undefined;
    const loaded = toLoadedSession(row);
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(accessKeyId, loaded);
    return loaded;
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function tokenMatches(session: LoadedSession, token: string | undefined): token is string {
  return token !== undefined && timingSafeEqual(sha256(token), session.tokenSha256);
}

/** The pipeline adds the canonical user id per request; the rest of the principal is what the credential proves. */
function storedPrincipal(principal: Principal): Principal {
  const { canonicalUserId: _, ...rest } = principal;
  return rest;
}

function toLoadedSession(row: SessionRow): LoadedSession {
  const documents = JSON.parse(row.policies) as SessionPolicyDocument[];
  const mfaAuthenticatedAt = row.mfa_authenticated_at ?? undefined;
  return {
    secretAccessKey: row.secret_access_key,
    tokenSha256: Buffer.from(row.token_sha256, 'hex'),
    expiresAt: row.expires_at,
    caller: {
      kind: row.kind,
      principal: JSON.parse(row.principal) as Principal,
      account: row.account,
      accessKeyId: row.access_key_id,
      userId: row.user_id,
      userName: row.user_name ?? undefined,
      session: {
        policies: documents.map(compileStored),
        tags: JSON.parse(row.tags) as Record<string, string>,
        transitiveTagKeys: JSON.parse(row.transitive_tag_keys) as string[],
        mfaAuthenticated: mfaAuthenticatedAt !== undefined,
        mfaAuthenticatedAt,
        issuedAt: row.issued_at,
        expiresAt: row.expires_at,
        sourceIdentity: row.source_identity ?? undefined,
        chainedFromRole: row.chained_from_role === 1,
        federatedProvider: row.federated_provider ?? undefined,
      },
    },
  };
}

// INVARIANT: session policies were compiled without errors before the session was issued.
function compileStored(stored: SessionPolicyDocument): CompiledPolicy {
  const { policy } = compilePolicy(stored.document, stored.kind, stored.id);
  if (policy === undefined) throw new Error(`stored session policy ${stored.id} no longer compiles`);
  return policy;
}
