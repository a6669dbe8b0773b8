// Verifies the OIDC token of an AssumeRoleWithWebIdentity request the way STS does (aws-reference 2.7): the
// role's account must have an IAM OIDC provider for the token's issuer, the RS256 signature must verify, the token
// must not have expired, and its audience must be one of the provider's client ids. xacct reaches no network, so it
// can verify only tokens its own issuer signed (for its own issuer URL or one it minted tokens for).
import type { ContextScalar } from '../../../policy/index.js';
import type { CallContext, OidcProviderRecord } from '../../types.js';
import { expiredTokenException, invalidIdentityToken } from '../errors.js';
import type { TagInput } from '../session-tags.js';
import { decodeJwt, type JsonObject, verifyRs256 } from './jwt.js';
import type { OidcIssuer } from './oidc-issuer.js';

export interface WebIdentity {
  /** The token's `iss`, as STS reports it in `Provider`. */
  readonly issuer: string;
  readonly provider: OidcProviderRecord;
  readonly subject: string;
  /** The audience that matched one of the provider's client ids. */
  readonly audience: string;
  /** `<provider url>:sub`, `:aud`, `:amr` and, for GitHub Actions, its documented claims. */
  readonly context: Readonly<Record<string, ContextScalar | readonly ContextScalar[]>>;
  /** Session tags and transitive keys from the `https://aws.amazon.com/tags` claim. */
  readonly tags: readonly TagInput[];
  readonly transitiveTagKeys: readonly string[];
  readonly sourceIdentity: string | undefined;
}

const NOT_VALIDATED =
  'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.';
const NO_VERIFICATION_KEY =
  "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements";
const GITHUB_CLAIMS = [
  'actor',
  'actor_id',
  'enterprise_id',
  'environment',
  'job_workflow_ref',
  'ref',
  'repository',
  'repository_id',
  'repository_owner_id',
  'workflow',
];
const TAGS_CLAIM = 'https://aws.amazon.com/tags';
const SOURCE_IDENTITY_CLAIM = 'https://aws.amazon.com/source_identity';

export function verifyWebIdentityToken(
  token: string,
  roleAccount: string,
  call: CallContext,
  issuer: OidcIssuer,
): WebIdentity {
  const jwt = decodeJwt(token);
  const iss = jwt?.payload.iss;
  if (jwt === undefined || typeof iss !== 'string') throw invalidIdentityToken(NOT_VALIDATED);
  const provider = call.deps.directory.identities.findOidcProvider(roleAccount, iss.replace(/^https?:\/\//, ''));
  if (provider === undefined) throw invalidIdentityToken(`No OpenIDConnect provider found in your account for ${iss}`);
  const key = issuer.verificationKey(iss);
  if (key === undefined) throw invalidIdentityToken(NO_VERIFICATION_KEY);
  if (!verifyRs256(jwt, key)) throw invalidIdentityToken(NOT_VALIDATED);
  const { payload } = jwt;
  checkLifetime(payload, Math.floor(call.now / 1000));
  const audience = audiences(payload.aud).find((aud) => provider.clientIds.includes(aud));
  if (audience === undefined) throw invalidIdentityToken('Incorrect token audience');
  if (typeof payload.sub !== 'string') throw invalidIdentityToken(NOT_VALIDATED);
  return {
    issuer: iss,
    provider,
    subject: payload.sub,
    audience,
    context: claimContext(provider.url.replace(/\/$/, ''), payload, audience),
    ...tagClaims(payload[TAGS_CLAIM]),
    sourceIdentity: sourceIdentityClaim(payload[SOURCE_IDENTITY_CLAIM]),
  };
}

/** The claim must meet AssumeRole's SourceIdentity constraints (2-64 characters of `[\w+=,.@-]`). */
function sourceIdentityClaim(claim: unknown): string | undefined {
  if (claim === undefined) return undefined;
  if (typeof claim !== 'string' || !/^[\w+=,.@-]{2,64}$/.test(claim)) throw invalidIdentityToken(NOT_VALIDATED);
  return claim;
}

function checkLifetime(payload: JsonObject, nowSeconds: number): void {
  const { exp, nbf } = payload;
  if (typeof exp !== 'number') throw invalidIdentityToken(NOT_VALIDATED);
  if (nowSeconds >= exp) {
    throw expiredTokenException(
      `Token expired: current date/time ${nowSeconds} must be before the expiration date/time ${exp}`,
    );
  }
  if (typeof nbf === 'number' && nowSeconds < nbf) throw invalidIdentityToken(NOT_VALIDATED);
}

function audiences(aud: unknown): string[] {
  if (typeof aud === 'string') return [aud];
  return Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
}

function claimContext(
  prefix: string,
  payload: JsonObject,
  audience: string,
): Record<string, ContextScalar | readonly ContextScalar[]> {
  const context: Record<string, ContextScalar | readonly ContextScalar[]> = {
    [`${prefix}:sub`]: payload.sub as string,
    [`${prefix}:aud`]: audience,
  };
  const amr = payload.amr;
  if (typeof amr === 'string') context[`${prefix}:amr`] = amr;
  else if (Array.isArray(amr)) context[`${prefix}:amr`] = amr.filter((a): a is string => typeof a === 'string');
  if (prefix === 'token.actions.githubusercontent.com' || prefix.startsWith('token.actions.githubusercontent.com/')) {
    for (const claim of GITHUB_CLAIMS) {
      const value = payload[claim];
      if (typeof value === 'string') context[`${prefix}:${claim}`] = value;
    }
  }
  return context;
}

/** `{"principal_tags": {"k": ["v"]}, "transitive_tag_keys": ["k"]}`: one value per tag, as AWS takes it. */
function tagClaims(claim: unknown): { tags: TagInput[]; transitiveTagKeys: string[] } {
  if (typeof claim !== 'object' || claim === null) return { tags: [], transitiveTagKeys: [] };
  const { principal_tags: principalTags, transitive_tag_keys: transitive } = claim as JsonObject;
  const tags: TagInput[] = [];
  if (typeof principalTags === 'object' && principalTags !== null) {
    for (const [key, value] of Object.entries(principalTags)) {
      const first: unknown = Array.isArray(value) ? value[0] : value;
      if (typeof first !== 'string') throw invalidIdentityToken(NOT_VALIDATED);
      tags.push({ Key: key, Value: first });
    }
  }
  const transitiveTagKeys = Array.isArray(transitive)
    ? transitive.filter((k): k is string => typeof k === 'string')
    : [];
  return { tags, transitiveTagKeys };
}
