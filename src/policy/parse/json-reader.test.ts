import { describe, expect, it } from 'vitest';
import { readJson } from './json-reader.js';

describe('readJson', () => {
  it('reads what JSON.parse reads', () => {
    const text = '{"a":[1,-2.5e3,true,false,null,"x\\u0041\\n"],"b":{}}';
    expect(readJson(text).value).toEqual(JSON.parse(text));
  });

  it('reports repeated keys with their paths', () => {
    const r = readJson('{"Statement":[{"Effect":"Allow","Effect":"Deny"}],"x":{"a b":1,"a b":2}}');
    expect(r.duplicateKeys).toEqual(['$.Statement[0].Effect', '$.x["a b"]']);
  });

  it('reports syntax errors instead of throwing', () => {
    for (const bad of ['', '{', '{"a":}', '[1,]', '{"a":1}x', '"\\q"', '{"a":1,}', 'tru', '01', '{"a"\n:"\u0001"}']) {
      expect(readJson(bad).syntaxError, bad).toBeDefined();
    }
  });

  it('keeps __proto__ as an ordinary key', () => {
    const value = readJson('{"__proto__":{"polluted":true}}').value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses absurd nesting', () => {
    expect(readJson('['.repeat(1000) + ']'.repeat(1000)).syntaxError).toMatch(/nesting/);
  });
});
