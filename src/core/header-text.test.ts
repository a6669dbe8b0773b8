import { describe, expect, it } from 'vitest';
import { headerBytes, isHeaderName, isHeaderValue, receivedText, spacedHeaderValue } from './header-text.js';

describe('header text', () => {
  it('gives back the UTF-8 bytes of non-ASCII text one character each, and ASCII text as it is', () => {
    expect(headerBytes('https://app.example.com')).toBe('https://app.example.com');
    const echoed = headerBytes('https://é.example.com');
    expect(echoed).toBe('https://\u00c3\u00a9.example.com');
    expect(Buffer.from(echoed, 'latin1').toString('utf8')).toBe('https://é.example.com');
    expect(Buffer.from(headerBytes('中'), 'latin1')).toEqual(Buffer.from('中', 'utf8'));
  });

  it('reads the bytes Node received as UTF-8, the inverse of headerBytes', () => {
    expect(receivedText('plain')).toBe('plain');
    expect(receivedText(headerBytes('café 中文'))).toBe('café 中文');
    expect(receivedText('\u00ff')).toBe('\ufffd');
  });

  it('knows what Node can write: token names, ISO-8859-1 values without controls but tab', () => {
    expect(isHeaderName('x-amz-meta-team')).toBe(true);
    expect(isHeaderName('bad name')).toBe(false);
    expect(isHeaderValue('café\tok')).toBe(true);
    expect(isHeaderValue('中')).toBe(false);
    expect(isHeaderValue('line\nbreak')).toBe(false);
    expect(spacedHeaderValue('a中b\nc')).toBe('a b c');
  });
});
