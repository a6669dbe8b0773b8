import { describe, expect, it } from 'vitest';
import { checkProviderUrl } from './oidc-input.js';

describe('checkProviderUrl', () => {
  const endpoint = 'http://xacct.internal:4566';

  it('accepts https issuers, loopback http issuers and xacct own endpoint', () => {
    for (const url of [
      'https://token.actions.githubusercontent.com',
      'https://example.com/path',
      'http://127.0.0.1:4566/_xacct/oidc',
      'http://localhost/oidc',
      'http://xacct.internal:4566/_xacct/oidc',
    ]) {
      expect(() => checkProviderUrl(url, endpoint)).not.toThrow();
    }
  });

  it('refuses other http issuers and what is no URL', () => {
    for (const url of ['http://example.com', 'http://xacct.internal:9999/', 'example.org', 'https://']) {
      expect(() => checkProviderUrl(url, endpoint)).toThrow('Invalid Open ID Connect Provider URL');
    }
  });
});
