import { describe, expect, it } from 'vitest';
import type { Caller } from '../types.js';
import { readSessionTags, sessionTagContext } from './session-tags.js';
import { userCaller } from './test-fixtures/fake-call.js';

const user = userCaller('111111111111', 'alice');

function roleSessionCaller(tags: Record<string, string>, transitiveTagKeys: string[]): Caller {
  return {
    kind: 'role-session',
    principal: { type: 'AssumedRole', arn: 'arn:aws:sts::111111111111:assumed-role/R/s', account: '111111111111' },
    account: '111111111111',
    accessKeyId: 'ASIAEXAMPLEEXAMPLE01',
    userId: 'AROAEXAMPLE:s',
    userName: undefined,
    session: {
      policies: [],
      tags,
      transitiveTagKeys,
      mfaAuthenticated: false,
      mfaAuthenticatedAt: undefined,
      issuedAt: 0,
      expiresAt: 1,
      sourceIdentity: undefined,
      chainedFromRole: false,
      federatedProvider: undefined,
    },
  };
}

describe('readSessionTags', () => {
  it('refuses keys that differ only by case', () => {
    const tags = [
      { Key: 'Project', Value: 'a' },
      { Key: 'project', Value: 'b' },
    ];
    expect(() => readSessionTags(tags, undefined, user)).toThrow(
      'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    );
  });

  it('refuses transitive keys that are not among the tags', () => {
    expect(() => readSessionTags([{ Key: 'Project', Value: 'a' }], ['Team'], user)).toThrow(
      'The specified transitive tag key must be included in the requested tags.',
    );
  });

  it('inherits the transitive tags of a calling role session and refuses to re-pass them, whatever the case', () => {
    const caller = roleSessionCaller({ Star: '1', Heart: '1', Moon: '2' }, ['Star', 'heart']);
    const read = readSessionTags([{ Key: 'Sun', Value: '2' }], ['Sun'], caller);
    expect(read.tags).toEqual({ Star: '1', Heart: '1', Sun: '2' });
    expect(read.transitiveTagKeys).toEqual(['Star', 'Heart', 'Sun']);
    expect(() => readSessionTags([{ Key: 'HEART', Value: '3' }], undefined, caller)).toThrow(
      "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
    );
  });

  it('does not inherit from sessions that are not role sessions', () => {
    expect(readSessionTags(undefined, undefined, user).tags).toEqual({});
  });
});

describe('sessionTagContext', () => {
  it('names the passed tags as request tags and lets inherited transitive tags replace role tags', () => {
    const caller = roleSessionCaller({ Star: '1' }, ['Star']);
    const read = readSessionTags([{ Key: 'Project', Value: 'x' }], ['Project'], caller);
    expect(sessionTagContext(read, { star: '3', Lightning: '1' })).toEqual({
      'aws:RequestTag/Project': 'x',
      'aws:TagKeys': ['Project'],
      'sts:TransitiveTagKeys': ['Project'],
      'aws:ResourceTag/Star': '1',
      'aws:ResourceTag/Lightning': '1',
    });
  });
});
