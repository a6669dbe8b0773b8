import { describe, expect, it } from 'vitest';
import { isoSeconds } from './clock.js';

describe('isoSeconds', () => {
  it('formats to the second, dropping milliseconds, for times in the same and in other seconds', () => {
    expect(isoSeconds(Date.UTC(2026, 10, 29, 23, 59, 59, 999))).toBe('2026-11-29T23:59:59Z');
    expect(isoSeconds(Date.UTC(2026, 10, 29, 23, 59, 59, 1))).toBe('2026-11-29T23:59:59Z');
    expect(isoSeconds(Date.UTC(2026, 10, 30))).toBe('2026-11-30T00:00:00Z');
    expect(isoSeconds(Date.UTC(1969, 11, 31, 23, 59, 59, 500))).toBe('1969-12-31T23:59:59Z');
    expect(isoSeconds(Date.UTC(2026, 10, 29, 23, 59, 59, 0))).toBe('2026-11-29T23:59:59Z');
  });
});
