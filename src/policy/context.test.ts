import { describe, expect, it } from 'vitest';
import { RequestContext } from './context.js';

describe('RequestContext', () => {
  it('finds keys case-insensitively, a later input replacing an earlier key of any case', () => {
    const ctx = RequestContext.from(
      { 'aws:PrincipalTag/Team': 'a', 'aws:SourceIp': '10.0.0.1' },
      { 'aws:principaltag/TEAM': 'b' },
    );
    expect(ctx.get('aws:principaltag/team')?.values).toEqual(['b']);
    expect(ctx.single('aws:sourceip')).toBe('10.0.0.1');
    expect(ctx.toJSON()).toEqual({ 'aws:principaltag/TEAM': 'b', 'aws:SourceIp': '10.0.0.1' });
  });

  it('treats keys named like Object properties as ordinary keys', () => {
    const ctx = RequestContext.from({ constructor: 'x', __proto__: 'y' } as unknown as Record<string, string>);
    expect(ctx.get('constructor')?.values).toEqual(['x']);
    expect(RequestContext.from({ 'aws:username': 'bob' }).get('constructor')).toBeUndefined();
    expect(RequestContext.from({ 'aws:username': 'bob' }).get('__proto__')).toBeUndefined();
    expect(RequestContext.from({ 'aws:username': 'bob' }).get('tostring')).toBeUndefined();
  });

  it('keeps lists as multivalued keys and converts scalars to text', () => {
    const ctx = RequestContext.from({
      'aws:TagKeys': ['a', 'b'],
      'aws:EpochTime': 5,
      'aws:SecureTransport': true,
      one: ['x'],
    });
    expect(ctx.get('aws:tagkeys')).toMatchObject({ values: ['a', 'b'], multi: true });
    expect(ctx.get('one')).toMatchObject({ values: ['x'], multi: true });
    expect(ctx.single('one')).toBeUndefined();
    expect(ctx.get('aws:epochtime')).toMatchObject({ values: ['5'], multi: false });
    expect(ctx.single('aws:securetransport')).toBe('true');
  });

  it('reads an undefined value as an absent key', () => {
    const ctx = RequestContext.from({ a: 'x' }, { a: undefined } as unknown as Record<string, string>);
    expect(ctx.get('a')?.values).toEqual(['x']);
    expect(RequestContext.from({ b: undefined } as unknown as Record<string, string>).toJSON()).toEqual({});
  });

  it('adds defaults only for absent keys and lets with() replace keys', () => {
    const ctx = RequestContext.from({ 'aws:username': 'alice' });
    const defaulted = ctx.withDefaults({ 'AWS:Username': 'bob', 'aws:userid': 'AIDA1' });
    expect(defaulted.single('aws:username')).toBe('alice');
    expect(defaulted.single('aws:userid')).toBe('AIDA1');
    expect(ctx.with({ 'aws:username': 'carol' }).single('aws:username')).toBe('carol');
    expect(ctx.single('aws:username')).toBe('alice');
  });
});
