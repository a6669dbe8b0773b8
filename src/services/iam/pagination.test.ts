import { describe, expect, it } from 'vitest';
import { indexKey, nameKey, paginate } from './pagination.js';

const names = ['a', 'B', 'c', 'd', 'e'];
const byName = (n: string) => nameKey(n);

describe('paginate', () => {
  it('returns everything when it fits and says so', () => {
    expect(paginate(names, {}, 'L', byName)).toEqual({ items: names, meta: { IsTruncated: false } });
  });

  it('walks the list in pages of MaxItems with an opaque marker', () => {
    const first = paginate(names, { MaxItems: 2 }, 'L', byName);
    expect(first.items).toEqual(['a', 'B']);
    expect(first.meta.IsTruncated).toBe(true);
    expect(first.meta.Marker).not.toContain('c');
    const second = paginate(names, { MaxItems: 2, Marker: first.meta.Marker }, 'L', byName);
    expect(second.items).toEqual(['c', 'd']);
    const last = paginate(names, { MaxItems: 2, Marker: second.meta.Marker }, 'L', byName);
    expect(last).toEqual({ items: ['e'], meta: { IsTruncated: false } });
  });

  it('resumes at the right place after the item it pointed at is removed', () => {
    const first = paginate(names, { MaxItems: 2 }, 'L', byName);
    const next = paginate(['a', 'B', 'd', 'e'], { MaxItems: 2, Marker: first.meta.Marker }, 'L', byName);
    expect(next.items).toEqual(['d', 'e']);
  });

  it('refuses a marker of another list or one that is not a marker', () => {
    const first = paginate(names, { MaxItems: 2 }, 'L', byName);
    expect(() => paginate(names, { Marker: first.meta.Marker }, 'other', byName)).toThrow('Invalid Marker.');
    expect(() => paginate(names, { Marker: 'xyz' }, 'L', byName)).toThrow('Invalid Marker.');
  });

  it('pages lists kept in insertion order by position', () => {
    const first = paginate(['z', 'y', 'x'], { MaxItems: 1 }, 'T', indexKey);
    expect(paginate(['z', 'y', 'x'], { Marker: first.meta.Marker }, 'T', indexKey).items).toEqual(['y', 'x']);
  });
});
