import { describe, expect, it } from 'vitest';
import type { CorsRule } from '../repos/buckets.js';
import { corsHeaders, matchCorsRule, requestedHeaders } from './cors-rules.js';

const rule = (overrides: Partial<CorsRule>): CorsRule => ({
  id: undefined,
  allowedOrigins: ['https://*.example.com'],
  allowedMethods: ['GET'],
  allowedHeaders: ['x-amz-*', 'Content-Type'],
  exposeHeaders: [],
  maxAgeSeconds: undefined,
  ...overrides,
});

describe('CORS rules', () => {
  it('matches origin wildcards, methods and every requested header, first rule first', () => {
    const rules = [rule({}), rule({ allowedOrigins: ['*'], allowedMethods: ['PUT'], allowedHeaders: [] })];
    expect(matchCorsRule(rules, 'https://a.example.com', 'GET', ['x-amz-date', 'content-type'])).toBe(rules[0]);
    expect(matchCorsRule(rules, 'https://example.com', 'GET', [])).toBeUndefined();
    expect(matchCorsRule(rules, 'https://a.example.com', 'GET', ['authorization'])).toBeUndefined();
    expect(matchCorsRule(rules, 'http://anything', 'PUT', [])).toBe(rules[1]);
    expect(matchCorsRule(rules, 'http://anything', 'PUT', ['x-custom'])).toBeUndefined();
  });

  it('answers the origin itself with credentials unless any origin is allowed', () => {
    expect(
      corsHeaders(rule({ maxAgeSeconds: 5, exposeHeaders: ['ETag'] }), 'https://a.example.com', ['x-amz-date']),
    ).toEqual({
      'Access-Control-Allow-Origin': 'https://a.example.com',
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Methods': 'GET',
      'Access-Control-Allow-Headers': 'x-amz-date',
      'Access-Control-Expose-Headers': 'ETag',
      'Access-Control-Max-Age': '5',
      Vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
    });
    expect(corsHeaders(rule({ allowedOrigins: ['*'] }), 'https://x', [])['Access-Control-Allow-Origin']).toBe('*');
    // An origin outside ASCII (read as UTF-8) is echoed as the bytes it came as, which a header can carry.
    const echoed = corsHeaders(rule({}), 'https://é.example.com', [])['Access-Control-Allow-Origin'];
    expect(Buffer.from(echoed!, 'latin1').toString('utf8')).toBe('https://é.example.com');
    expect(requestedHeaders(' Content-Type ,X-Amz-Date,')).toEqual(['content-type', 'x-amz-date']);
  });
});
