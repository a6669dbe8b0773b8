import { describe, expect, it } from 'vitest';
import { SmallBlobCache } from './small-blob-cache.js';

const body = (n: number, fill = 'x') => Buffer.alloc(n, fill);

describe('SmallBlobCache', () => {
  it('returns what was stored and forgets deleted ids', () => {
    const cache = new SmallBlobCache(100);
    cache.set('a', body(10, 'a'));
    expect(cache.get('a')?.toString()).toBe('a'.repeat(10));
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
  });

  it('evicts the least recently used bodies to stay within its byte budget', () => {
    const cache = new SmallBlobCache(30);
    cache.set('a', body(10));
    cache.set('b', body(10));
    cache.set('c', body(10));
    cache.get('a');
    cache.set('d', body(10));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.get('d')).toBeDefined();
  });

  it('never holds a body larger than its budget', () => {
    const cache = new SmallBlobCache(8);
    cache.set('big', body(9));
    expect(cache.get('big')).toBeUndefined();
  });
});
