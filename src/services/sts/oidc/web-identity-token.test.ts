import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../../storage/index.js';
import { anonymousCaller, fakeCall, fakeIdentityLookup } from '../test-fixtures/fake-call.js';
import { signJwt } from './jwt.js';
import { OidcIssuer } from './oidc-issuer.js';
import { verifyWebIdentityToken } from './web-identity-token.js';

const NOW = Date.parse('2026-03-01T10:00:00Z');
const GITHUB = 'https://token.actions.githubusercontent.com';
const PROVIDER_ARN = 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com';

describe('verifyWebIdentityToken', () => {
  let storage: Storage;
  let issuer: OidcIssuer;
  beforeEach(() => {
    storage = openStorage({ memory: true });
    issuer = new OidcIssuer(storage.db, { region: 'us-east-1', rootSecret: 't', endpointUrl: 'http://127.0.0.1:4566' });
  });
  afterEach(() => storage.close());

  function call(now = NOW) {
    const identities = fakeIdentityLookup({
      providers: [
        {
          account: '222222222222',
          arn: PROVIDER_ARN,
          url: 'token.actions.githubusercontent.com',
          clientIds: ['sts.amazonaws.com'],
          thumbprints: [],
        },
      ],
    });
    return fakeCall(anonymousCaller, { identities, storage, clock: { now: () => now } });
  }

  function githubToken(extra: Record<string, unknown> = {}, ttl = 300): string {
    return issuer.mint(
      {
        iss: GITHUB,
        sub: 'repo:org/app:ref:refs/heads/main',
        aud: 'sts.amazonaws.com',
        ttl,
        claims: { repository: 'org/app', ref: 'refs/heads/main', ...extra },
      },
      NOW,
    );
  }

  it('accepts a token xacct minted for the issuer, with the condition keys AWS supplies', () => {
    const identity = verifyWebIdentityToken(githubToken({ amr: ['a'] }), '222222222222', call(), issuer);
    expect(identity).toMatchObject({
      issuer: GITHUB,
      subject: 'repo:org/app:ref:refs/heads/main',
      audience: 'sts.amazonaws.com',
      provider: { arn: PROVIDER_ARN },
    });
    expect(identity.context).toEqual({
      'token.actions.githubusercontent.com:sub': 'repo:org/app:ref:refs/heads/main',
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      'token.actions.githubusercontent.com:amr': ['a'],
      'token.actions.githubusercontent.com:repository': 'org/app',
      'token.actions.githubusercontent.com:ref': 'refs/heads/main',
    });
  });

  it('reads session tags and a source identity from the AWS claims', () => {
    const token = githubToken({
      'https://aws.amazon.com/tags': { principal_tags: { Project: ['blue'] }, transitive_tag_keys: ['Project'] },
      'https://aws.amazon.com/source_identity': 'alice',
    });
    const identity = verifyWebIdentityToken(token, '222222222222', call(), issuer);
    expect(identity.tags).toEqual([{ Key: 'Project', Value: 'blue' }]);
    expect(identity.transitiveTagKeys).toEqual(['Project']);
    expect(identity.sourceIdentity).toBe('alice');
  });

  it('needs an OIDC provider for the issuer in the role account', () => {
    expect(() => verifyWebIdentityToken(githubToken(), '333333333333', call(), issuer)).toThrow(
      'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com',
    );
  });

  it('refuses a token signed by another key', () => {
    githubToken();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = signJwt(
      { alg: 'RS256', typ: 'JWT' },
      { iss: GITHUB, sub: 's', aud: 'sts.amazonaws.com', exp: NOW / 1000 + 60 },
      privateKey,
    );
    expect(() => verifyWebIdentityToken(forged, '222222222222', call(), issuer)).toThrow(
      expect.objectContaining({ code: 'InvalidIdentityToken' }),
    );
  });

  it('cannot verify an issuer it never signed for', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = signJwt({ alg: 'RS256' }, { iss: GITHUB, sub: 's', aud: 'sts.amazonaws.com', exp: 2e9 }, privateKey);
    expect(() => verifyWebIdentityToken(token, '222222222222', call(), issuer)).toThrow(
      "Couldn't retrieve verification key from your identity provider",
    );
  });

  it('refuses an expired token with ExpiredTokenException in AWS words', () => {
    const later = NOW + 301_000;
    expect(() => verifyWebIdentityToken(githubToken(), '222222222222', call(later), issuer)).toThrow(
      expect.objectContaining({
        code: 'ExpiredTokenException',
        message: `Token expired: current date/time ${later / 1000} must be before the expiration date/time ${NOW / 1000 + 300}`,
      }),
    );
  });

  it('refuses an audience the provider does not list', () => {
    const token = issuer.mint({ iss: GITHUB, sub: 's', aud: 'other' }, NOW);
    expect(() => verifyWebIdentityToken(token, '222222222222', call(), issuer)).toThrow('Incorrect token audience');
  });

  it('refuses what is not a JWT', () => {
    expect(() => verifyWebIdentityToken('not-a-token', '222222222222', call(), issuer)).toThrow(
      expect.objectContaining({ code: 'InvalidIdentityToken' }),
    );
  });
});
