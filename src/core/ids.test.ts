import { describe, expect, it } from 'vitest';
import { newEventId, newS3RequestId } from './ids.js';

describe('newEventId', () => {
  it('has the UUID version 7 layout with the time first', () => {
    const id = newEventId(Date.UTC(2026, 10, 29));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(Date.UTC(2026, 10, 29));
  });

  it('sorts by time and never repeats', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => newEventId(1_700_000_000_000 + Math.floor(i / 100)));
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 100; i < ids.length; i += 100) expect(ids[i - 1]! < ids[i]!).toBe(true);
  });
});

describe('newS3RequestId', () => {
  it('is 16 upper-case hex characters, fresh every time across pool refills', () => {
    const ids = Array.from({ length: 1200 }, () => newS3RequestId());
    for (const id of ids) expect(id).toMatch(/^[0-9A-F]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
