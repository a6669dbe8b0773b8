import { describe, expect, it } from 'vitest';
import { paginate } from './paginate.js';

describe('paginate', () => {
  const items = Array.from({ length: 45 }, (_, i) => i);

  it('returns 20 items by default and a token for the rest', () => {
    const first = paginate(items, {}, 'scope');
    expect(first.items).toEqual(items.slice(0, 20));
    const second = paginate(items, { NextToken: first.nextToken }, 'scope');
    expect(second.items).toEqual(items.slice(20, 40));
    const last = paginate(items, { NextToken: second.nextToken }, 'scope');
    expect(last).toEqual({ items: items.slice(40), nextToken: undefined });
  });

  it('honours MaxResults', () => {
    expect(paginate(items, { MaxResults: 5 }, 'scope').items).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses a token from another listing or not made by us', () => {
    const token = paginate(items, {}, 'scope').nextToken;
    for (const bad of [token, 'garbage', Buffer.from('{"s":"scope","o":-1}').toString('base64url')]) {
      expect(() => paginate(items, { NextToken: bad }, bad === token ? 'other' : 'scope')).toThrow(
        expect.objectContaining({ code: 'InvalidInputException', extra: { Reason: 'INVALID_NEXT_TOKEN' } }),
      );
    }
  });
});
