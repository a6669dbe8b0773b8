import { describe, expect, it } from 'vitest';
import { invalidResponseHeader } from './response-headers.js';

describe('invalidResponseHeader', () => {
  it.each([
    [{ a: 'tab\tand latin-1 é', b: undefined }, undefined],
    [{ a: 'fine', b: 'x\u0100' }, 'b'],
    [{ a: 'line\nbreak' }, 'a'],
    [{ a: 'nul\u0000' }, 'a'],
    [{ 'x-amz-meta-a b': 'v' }, 'x-amz-meta-a b'],
    [{ 'x-amz-meta-é': 'v' }, 'x-amz-meta-é'],
  ])('%j -> %s', (headers, invalid) => {
    expect(invalidResponseHeader(headers)).toBe(invalid);
  });
});
