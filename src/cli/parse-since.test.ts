import { describe, expect, it } from 'vitest';
import { parseSince, SinceError } from './parse-since.js';

const now = Date.parse('2024-09-21T12:00:00Z');

describe('parseSince', () => {
  it.each([
    ['30s', '2024-09-21T11:59:30.000Z'],
    ['15m', '2024-09-21T11:45:00.000Z'],
    ['2h', '2024-09-21T10:00:00.000Z'],
    ['1d', '2024-09-20T12:00:00.000Z'],
    ['0m', '2024-09-21T12:00:00.000Z'],
  ])('reads the duration %s back from now', (text, expected) => {
    expect(parseSince(text, now)).toBe(expected);
  });

  it('accepts ISO times, with or without a zone offset', () => {
    expect(parseSince('2024-09-21T10:22:06Z', now)).toBe('2024-09-21T10:22:06.000Z');
    expect(parseSince('2024-09-21T10:22:06+02:00', now)).toBe('2024-09-21T08:22:06.000Z');
    expect(parseSince('2024-09-21', now)).toBe('2024-09-21T00:00:00.000Z');
  });

  it.each(['', '15', 'm', '-5m', '1w', '1.5h', 'yesterday', '2024-13-45', '5 m'])('refuses %j', (text) => {
    expect(() => parseSince(text, now)).toThrow(SinceError);
  });

  it('names the bad value in the message', () => {
    expect(() => parseSince('1w', now)).toThrow("not '1w'");
  });
});
