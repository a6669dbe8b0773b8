import { describe, expect, it } from 'vitest';
import { RequestContext } from '../context.js';
import { matchGlob } from './glob.js';
import { parseTemplate, resolveTemplate } from './template.js';

const ctx = RequestContext.from({ 'aws:username': 'bob', 'aws:PrincipalTag/Team': 'blue', 'aws:TagKeys': ['a'] });

function resolves(source: string, variables = true, wildcards = true): string | undefined {
  return resolveTemplate(parseTemplate(source, variables, wildcards), ctx)?.text;
}

describe('policy variables', () => {
  it('substitutes single-valued keys, case-insensitively by key name', () => {
    expect(resolves('home/${aws:username}/*')).toBe('home/bob/*');
    expect(resolves('${aws:principaltag/team}')).toBe('blue');
  });

  it('uses the default only when the key is absent', () => {
    expect(resolves("${aws:PrincipalTag/dept, 'none'}")).toBe('none');
    expect(resolves("${aws:username, 'none'}")).toBe('bob');
  });

  it('has no value for absent and multivalued keys', () => {
    expect(resolves('${aws:SourceVpc}')).toBeUndefined();
    expect(resolves('${aws:TagKeys}')).toBeUndefined();
  });

  it('keeps escapes and substituted values literal', () => {
    const glob = resolveTemplate(parseTemplate('a${*}b*', true, true), ctx)!;
    expect(matchGlob(glob, 'a*bzzz')).toBe(true);
    expect(matchGlob(glob, 'axbzzz')).toBe(false);
    expect(resolves('${?}${$}')).toBe('?$');
    const starUser = RequestContext.from({ 'aws:username': '*' });
    const userGlob = resolveTemplate(parseTemplate('home/${aws:username}', true, true), starUser)!;
    expect(matchGlob(userGlob, 'home/alice')).toBe(false);
    expect(matchGlob(userGlob, 'home/*')).toBe(true);
  });

  it('leaves ${...} as text when variables are off (Version 2008-10-17)', () => {
    expect(resolves('home/${aws:username}', false)).toBe('home/${aws:username}');
  });
});
