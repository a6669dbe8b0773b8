import { describe, expect, it } from 'vitest';
import { formatAmzDate, parseAmzDate, parseDateHeader } from './amz-date.js';

describe('request timestamps', () => {
  it('round-trips the ISO 8601 basic format', () => {
    const ms = parseAmzDate('20130524T000000Z');
    expect(ms).toBe(Date.UTC(2013, 4, 24));
    expect(formatAmzDate(ms ?? 0)).toBe('20130524T000000Z');
  });

  it('rejects other formats and impossible dates', () => {
    expect(parseAmzDate('2013-05-24T00:00:00Z')).toBeUndefined();
    expect(parseAmzDate('20130230T000000Z')).toBeUndefined();
    expect(parseAmzDate('20130524T246000Z')).toBeUndefined();
  });

  it('reads an HTTP-date or a basic-format Date header, in GMT only', () => {
    expect(parseDateHeader('Fri, 24 May 2013 00:00:00 GMT')).toBe(Date.UTC(2013, 4, 24));
    expect(parseDateHeader('20130524T000000Z')).toBe(Date.UTC(2013, 4, 24));
    expect(parseDateHeader('Fri, 24 May 2013 00:00:00 +0200')).toBeUndefined();
    expect(parseDateHeader('yesterday')).toBeUndefined();
  });
});
