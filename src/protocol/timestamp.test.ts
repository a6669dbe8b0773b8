import { describe, expect, it } from 'vitest';
import { epochSeconds, formatHttpDate, formatIso8601, parseTimestamp } from './timestamp.js';

describe('timestamps', () => {
  const date = new Date('2009-10-12T17:50:30.250Z');

  it('formats each wire form', () => {
    expect(formatIso8601(date, 'always')).toBe('2009-10-12T17:50:30.250Z');
    expect(formatIso8601(new Date('2009-10-12T17:50:30Z'), 'auto')).toBe('2009-10-12T17:50:30Z');
    expect(formatIso8601(date, 'auto')).toBe('2009-10-12T17:50:30.250Z');
    expect(formatHttpDate(date)).toBe('Mon, 12 Oct 2009 17:50:30 GMT');
    expect(epochSeconds(date)).toBe(1255369830.25);
  });

  it('reads ISO 8601, HTTP dates and epoch seconds', () => {
    expect(parseTimestamp('2009-10-12T17:50:30.250Z')).toEqual(date);
    expect(parseTimestamp('2009-10-12T19:50:30.250+02:00')).toEqual(date);
    expect(parseTimestamp('2009-10-12T17:50:30')).toEqual(new Date('2009-10-12T17:50:30Z'));
    expect(parseTimestamp('Mon, 12 Oct 2009 17:50:30 GMT')).toEqual(new Date('2009-10-12T17:50:30Z'));
    expect(parseTimestamp('1255369830.25')).toEqual(date);
    expect(parseTimestamp('yesterday')).toBeUndefined();
    expect(parseTimestamp('2009-13-45T99:99:99Z')).toBeUndefined();
  });
});
