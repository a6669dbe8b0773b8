import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../../storage/index.js';
import { decodeJwt, verifyRs256 } from './jwt.js';
import { MintRequestError, OidcIssuer } from './oidc-issuer.js';

const NOW = Date.parse('2026-03-01T10:00:00Z');
const config = { region: 'us-east-1', rootSecret: 'test', endpointUrl: 'http://127.0.0.1:4566' };

describe('OidcIssuer', () => {
  const opened: Storage[] = [];
  afterEach(() => {
    for (const storage of opened.splice(0)) storage.close();
  });

  function memory(): Storage {
    const storage = openStorage({ memory: true });
    opened.push(storage);
    return storage;
  }

  it('mints RS256 tokens its JWKS key verifies, with the standard claims', () => {
    const issuer = new OidcIssuer(memory().db, config);
    const token = issuer.mint({ sub: 'repo:org/app:ref:refs/heads/main', aud: 'sts.amazonaws.com', ttl: 600 }, NOW);
    const jwt = decodeJwt(token)!;
    expect(jwt.header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(jwt.payload).toMatchObject({
      iss: 'http://127.0.0.1:4566/_xacct/oidc',
      sub: 'repo:org/app:ref:refs/heads/main',
      aud: 'sts.amazonaws.com',
      iat: NOW / 1000,
      exp: NOW / 1000 + 600,
    });
    const [jwk] = (issuer.jwks() as { keys: (JsonWebKey & { kid: string })[] }).keys;
    expect(jwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: jwt.header.kid });
    expect(verifyRs256(jwt, createPublicKey({ key: jwk!, format: 'jwk' }))).toBe(true);
    expect(
      verifyRs256({ ...jwt, signingInput: `${jwt.signingInput}x` }, issuer.verificationKey(jwt.payload.iss as string)!),
    ).toBe(false);
  });

  it('keeps one key per database: a second issuer over it verifies the first one’s tokens', () => {
    const storage = memory();
    const token = new OidcIssuer(storage.db, config).mint({ sub: 's', aud: 'a' }, NOW);
    const second = new OidcIssuer(storage.db, config);
    const jwt = decodeJwt(token)!;
    expect(verifyRs256(jwt, second.verificationKey('http://127.0.0.1:4566/_xacct/oidc')!)).toBe(true);
    expect(new OidcIssuer(memory().db, config).jwks()).not.toEqual(second.jwks());
  });

  it('signs for another https issuer once it has minted a token for it, and for no other', () => {
    const issuer = new OidcIssuer(memory().db, config);
    expect(issuer.verificationKey('https://token.actions.githubusercontent.com')).toBeUndefined();
    issuer.mint({ sub: 's', aud: 'a', iss: 'https://token.actions.githubusercontent.com' }, NOW);
    expect(issuer.verificationKey('https://token.actions.githubusercontent.com')).toBeDefined();
    expect(issuer.verificationKey('https://accounts.google.com')).toBeUndefined();
  });

  it('publishes a discovery document pointing at its JWKS', () => {
    expect(new OidcIssuer(memory().db, config).discovery()).toMatchObject({
      issuer: 'http://127.0.0.1:4566/_xacct/oidc',
      jwks_uri: 'http://127.0.0.1:4566/_xacct/oidc/jwks',
      id_token_signing_alg_values_supported: ['RS256'],
    });
  });

  it.each([
    [{ aud: 'a' }, 'sub must be a non-empty string'],
    [{ sub: 's', aud: [] }, 'aud must be a non-empty string or a non-empty list of them'],
    [{ sub: 's', aud: 'a', iss: 'http://example.com' }, 'iss must be an https URL'],
    [{ sub: 's', aud: 'a', ttl: 0 }, 'ttl must be an integer'],
    [{ sub: 's', aud: 'a', claims: { exp: 1 } }, 'claims may not set exp'],
  ])('refuses %j', (request, message) => {
    const issuer = new OidcIssuer(memory().db, config);
    expect(() => issuer.mint(request, NOW)).toThrow(MintRequestError);
    expect(() => issuer.mint(request, NOW)).toThrow(message);
  });
});
