import { describe, expect, it } from 'vitest';
import { awsUriEncode, canonicalUri, normalizePath, percentDecodeToBytes } from './uri-encode.js';

describe('awsUriEncode', () => {
  it('keeps only the RFC 3986 unreserved characters', () => {
    expect(awsUriEncode('AZaz09-_.~')).toBe('AZaz09-_.~');
    expect(awsUriEncode("a b+c*d!e'f(g)h/i%j")).toBe('a%20b%2Bc%2Ad%21e%27f%28g%29h%2Fi%25j');
  });

  it('encodes UTF-8 bytes with upper-case hex and keeps slashes on request', () => {
    expect(awsUriEncode('ሴ/é', true)).toBe('%E1%88%B4/%C3%A9');
    expect(awsUriEncode('ሴ/é')).toBe('%E1%88%B4%2F%C3%A9');
  });
});

describe('percentDecodeToBytes', () => {
  it('decodes escapes of either case and keeps a stray percent literal', () => {
    expect(percentDecodeToBytes('%e1%88%B4').toString('utf8')).toBe('ሴ');
    expect(percentDecodeToBytes('100%zz%4').toString('latin1')).toBe('100%zz%4');
    expect([...percentDecodeToBytes('%FF')]).toEqual([0xff]);
  });
});

describe('normalizePath', () => {
  it.each([
    ['/', '/'],
    ['//', '/'],
    ['/a/./b/../c/', '/a/c/'],
    ['/a/b/../../..', '/'],
    ['//example//', '/example/'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizePath(input)).toBe(expected);
  });
});

describe('canonicalUri', () => {
  it('signs an S3 path as sent: no dot-segment removal, no double encoding', () => {
    expect(canonicalUri('/bucket/a//b/../c', 's3')).toBe('/bucket/a//b/../c');
    expect(canonicalUri('/bucket/a%20b', 's3')).toBe('/bucket/a%20b');
  });

  it('re-encodes an S3 path in AWS form', () => {
    expect(canonicalUri('/bucket/%7e%2b$', 's3')).toBe('/bucket/~%2B%24');
    expect(canonicalUri('/bucket/ሴ', 's3')).toBe('/bucket/%E1%88%B4');
    expect(canonicalUri('', 's3')).toBe('/');
  });

  it('normalizes and encodes other services’ paths a second time', () => {
    expect(canonicalUri('/keys/a%2Fb', 'json')).toBe('/keys/a%252Fb');
    expect(canonicalUri('/./x/../y//', 'query')).toBe('/y/');
    expect(canonicalUri('', 'query')).toBe('/');
  });
});
