import { describe, expect, it } from 'vitest';
import {
  canonicalHeaders,
  canonicalHeaderValue,
  canonicalQueryString,
  canonicalRequest,
  sha256Hex,
  stringToSign,
} from './canonical-request.js';

describe('canonicalQueryString', () => {
  it('sorts by encoded key, then encoded value, and leaves out the named parameter', () => {
    const query: [string, string][] = [
      ['b', '2'],
      ['X-Amz-Signature', 'abc'],
      ['a b', 'x'],
      ['a', 'z'],
      ['a', 'Z'],
      ['empty', ''],
    ];
    expect(canonicalQueryString(query, 'X-Amz-Signature')).toBe('a=Z&a=z&a%20b=x&b=2&empty=');
    expect(canonicalQueryString(query)).toContain('X-Amz-Signature=abc');
  });

  it('is empty without parameters', () => {
    expect(canonicalQueryString([])).toBe('');
  });
});

describe('canonical headers', () => {
  it('trims values and collapses inner runs of spaces', () => {
    expect(canonicalHeaderValue('  a   b  c ')).toBe('a b c');
    expect(canonicalHeaderValue('value1,value2')).toBe('value1,value2');
  });

  it('lists the signed headers in order, an absent one as empty', () => {
    expect(canonicalHeaders({ host: 'h', range: ' bytes=0-9 ' }, ['host', 'missing', 'range'])).toBe(
      'host:h\nmissing:\nrange:bytes=0-9\n',
    );
  });
});

describe('canonical request and string to sign', () => {
  it('joins the six parts with newlines', () => {
    const canonical = canonicalRequest({
      method: 'GET',
      canonicalUri: '/',
      canonicalQuery: 'a=b',
      canonicalHeaders: 'host:h\n',
      signedHeaders: ['host'],
      payloadHash: 'UNSIGNED-PAYLOAD',
    });
    expect(canonical).toBe('GET\n/\na=b\nhost:h\n\nhost\nUNSIGNED-PAYLOAD');
    expect(stringToSign('20150830T123600Z', '20150830/us-east-1/iam/aws4_request', canonical)).toBe(
      `AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n${sha256Hex(canonical)}`,
    );
  });
});
