import { describe, expect, it } from 'vitest';
import { globFromPattern, literalGlob, lowerGlob, matchGlob } from './glob.js';

const m = (pattern: string, value: string) => matchGlob(globFromPattern(pattern), value);

describe('glob', () => {
  it('matches exact text, prefixes, suffixes and everything', () => {
    expect(m('abc', 'abc')).toBe(true);
    expect(m('abc', 'abcd')).toBe(false);
    expect(m('ab*', 'abcd')).toBe(true);
    expect(m('*cd', 'abcd')).toBe(true);
    expect(m('*cd', 'abce')).toBe(false);
    expect(m('*', '')).toBe(true);
    expect(m('**', 'x')).toBe(true);
  });

  it('lets ? match exactly one character', () => {
    expect(m('a?c', 'abc')).toBe(true);
    expect(m('a?c', 'ac')).toBe(false);
    expect(m('a?c', 'abbc')).toBe(false);
  });

  it('backtracks across several stars', () => {
    expect(m('a*b*c', 'axxbyybzc')).toBe(true);
    expect(m('a*b*c', 'axxbyyzc')).toBe(true);
    expect(m('a*b*c', 'axxyyzc')).toBe(false);
    expect(m('*/home/*/*', 'x/home/bob/file')).toBe(true);
  });

  it('is case-sensitive unless lowered on both sides', () => {
    expect(m('S3:Get*', 's3:getobject')).toBe(false);
    expect(matchGlob(lowerGlob(globFromPattern('S3:Get*')), 's3:getobject')).toBe(true);
  });

  it('treats every character of a literal glob as literal', () => {
    expect(matchGlob(literalGlob('a*'), 'a*')).toBe(true);
    expect(matchGlob(literalGlob('a*'), 'abc')).toBe(false);
  });
});
