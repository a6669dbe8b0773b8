// Authentication: the SigV4 credential of a request is parsed, checked against the clock and the service, looked
// up, and its signature verified. The caller comes only from the verified credential; a request without any
// credential is anonymous, which only operations that allow it (and S3, where policies decide) accept.
import { timingSafeEqual } from 'node:crypto';
import {
  checkCredentialScope,
  checkRequestTime,
  missingAuthenticationToken,
  parseSigV4,
  type SigningKeyCache,
  type SigningRequest,
  type SigV4Flavour,
  type VerifiedSigV4,
  verifySigV4,
} from '../auth/sigv4/index.js';
import { AwsError } from '../core/aws-error.js';
import type { Protocol } from '../protocol/index.js';
import { CredentialRefused } from '../services/credential-refused.js';
import type { Caller, CredentialSource } from '../services/types.js';

export interface Authenticated {
  readonly caller: Caller;
  /** Undefined for anonymous requests. */
  readonly verified: VerifiedSigV4 | undefined;
  /** The region of the credential scope. */
  readonly region: string | undefined;
}

export const ANONYMOUS: Caller = {
  kind: 'anonymous',
  principal: { type: 'Anonymous', arn: 'anonymous', account: undefined },
  account: undefined,
  accessKeyId: undefined,
  userId: 'anonymous',
  userName: undefined,
  session: undefined,
};

export function flavourOf(protocol: Protocol): SigV4Flavour {
  if (protocol === 'rest-xml') return 's3';
  return protocol === 'query' || protocol === 'ec2' ? 'query' : 'json';
}

export interface AuthenticateOptions {
  readonly flavour: SigV4Flavour;
  readonly signingName: string;
  readonly allowAnonymous: boolean;
  readonly now: number;
  readonly body: Buffer | undefined;
  readonly sources: readonly CredentialSource[];
  readonly keyCache: SigningKeyCache;
}

export function authenticate(request: SigningRequest, options: AuthenticateOptions): Authenticated {
  const { flavour } = options;
  const parsed = parseSigV4(request, flavour);
  if (parsed === undefined) {
    if (options.allowAnonymous || flavour === 's3')
      return { caller: ANONYMOUS, verified: undefined, region: undefined };
    throw missingAuthenticationToken(flavour);
  }
  checkRequestTime(parsed, options.now, flavour);
  checkCredentialScope(parsed, { service: options.signingName }, flavour);
  const credential = findCredential(options.sources, parsed.accessKeyId, parsed.securityToken, flavour);
  if (credential.sessionToken !== undefined || parsed.securityToken !== undefined) {
    if (!sameToken(credential.sessionToken, parsed.securityToken)) throw invalidToken(flavour);
  }
  const verified = verifySigV4(request, parsed, credential.secretAccessKey, {
    flavour,
    body: options.body,
    keyCache: options.keyCache,
  });
  credential.onVerified?.({ service: options.signingName, region: parsed.region, now: options.now });
  return { caller: credential.caller, verified, region: parsed.region };
}

function findCredential(
  sources: readonly CredentialSource[],
  accessKeyId: string,
  sessionToken: string | undefined,
  flavour: SigV4Flavour,
) {
  try {
    for (const source of sources) {
      const found = source(accessKeyId, sessionToken);
      if (found !== undefined) return found;
    }
  } catch (error) {
    if (!(error instanceof CredentialRefused)) throw error;
    throw error.reason === 'expired' ? expiredToken(flavour) : unknownAccessKey(flavour, accessKeyId);
  }
  throw unknownAccessKey(flavour, accessKeyId);
}

function sameToken(expected: string | undefined, provided: string | undefined): boolean {
  if (expected === undefined || provided === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(provided);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * IAM refuses temporary credentials that lack MFA: GetSessionToken credentials obtained without an MFA code (STS API
 * reference, GetSessionToken) and GetFederationToken credentials (never allowed to call IAM). AWS answers as for an
 * invalid token, and IAM's message has no final period.
 */
export function checkIamSessionCredentials(caller: Caller): void {
  const session = caller.session;
  if (session === undefined) return;
  const withoutMfa = (caller.kind === 'user' || caller.kind === 'root') && !session.mfaAuthenticated;
  if (withoutMfa || caller.kind === 'federated-user') {
    throw new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid', {
      status: 403,
    });
  }
}

/** A key no account has issued. */
export function unknownAccessKey(flavour: SigV4Flavour, accessKeyId: string): AwsError {
  if (flavour === 's3') {
    return new AwsError('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', {
      status: 403,
      extra: { AWSAccessKeyId: accessKeyId },
    });
  }
  if (flavour === 'json') {
    return new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
  return new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', {
    status: 403,
  });
}

/** A session token that is missing, altered or belongs to another key. */
export function invalidToken(flavour: SigV4Flavour): AwsError {
  if (flavour === 's3') {
    return new AwsError('InvalidToken', 'The provided token is malformed or otherwise invalid.');
  }
  if (flavour === 'json') {
    return new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
  return new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', {
    status: 403,
  });
}

/** A temporary credential past its expiration. */
export function expiredToken(flavour: SigV4Flavour): AwsError {
  if (flavour === 's3') {
    return new AwsError('ExpiredToken', 'The provided token has expired.');
  }
  if (flavour === 'json') {
    return new AwsError('ExpiredTokenException', 'The security token included in the request is expired');
  }
  return new AwsError('ExpiredToken', 'The security token included in the request is expired', { status: 403 });
}
