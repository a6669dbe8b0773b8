import { describe, expect, it } from 'vitest';
import { headerBytes } from './header-bytes.js';

describe('headerBytes', () => {
  it('gives back the UTF-8 bytes of non-ASCII text one character each, and ASCII text as it is', () => {
    expect(headerBytes('https://app.example.com')).toBe('https://app.example.com');
    const echoed = headerBytes('https://é.example.com');
    expect(echoed).toBe('https://\u00c3\u00a9.example.com');
    expect(Buffer.from(echoed, 'latin1').toString('utf8')).toBe('https://é.example.com');
    expect(Buffer.from(headerBytes('中'), 'latin1')).toEqual(Buffer.from('中', 'utf8'));
  });
});
