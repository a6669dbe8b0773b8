import { describe, expect, it } from 'vitest';
import { intern } from './intern.js';

describe('intern', () => {
  it('returns the same text for every kind of property name, including the special ones', () => {
    const texts = ['', '0', '4294967295', '-1', '1.5', '__proto__', 'constructor', 'toString', 'arn:aws:s3:::', 'ü'];
    for (const text of texts) expect(intern(text)).toBe(text);
  });

  it('returns a flat copy of a concatenated or sliced text', () => {
    const base = 'arn:aws:s3:::bucket/key';
    expect(intern(`${base.slice(0, 13)}:`)).toBe('arn:aws:s3::::');
  });
});
