import { describe, expect, it } from 'vitest';
import { RequestContext } from '../context.js';
import { ArnValue, compileArnPattern, matchArnPattern, splitArn } from './arn-pattern.js';

const ctx = RequestContext.from({ 'aws:username': 'bob' });
const m = (pattern: string, value: string, variables = true) =>
  matchArnPattern(compileArnPattern(pattern, variables), new ArnValue(value), ctx);

describe('ARN patterns', () => {
  it('splits into six parts, the last keeping its colons', () => {
    expect(splitArn('arn:aws:sns:us-east-1:111111111111:topic:sub')).toEqual([
      'arn',
      'aws',
      'sns',
      'us-east-1',
      '111111111111',
      'topic:sub',
    ]);
    expect(splitArn('not-an-arn')).toBeUndefined();
  });

  it('matches segment by segment: a wildcard never spans a colon before the resource part', () => {
    const value = 'arn:aws:svc:us-east-2:999999999999:store/abc:111122223333:finance/x';
    expect(m('arn:aws:svc:*:111122223333:finance/*', value)).toBe(false);
    expect(m('arn:aws:svc:*:*:store/*', value)).toBe(true);
  });

  it('lets the resource part span slashes and colons', () => {
    expect(m('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b:c')).toBe(true);
    expect(m('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket')).toBe(false);
    expect(m('arn:aws:s3:::bucket*', 'arn:aws:s3:::bucket/key')).toBe(true);
  });

  it('matches anything with *, and only ARNs otherwise', () => {
    expect(m('*', 'arn:aws:s3:::b')).toBe(true);
    expect(m('*', '*')).toBe(true);
    expect(m('arn:aws:s3:::*', '*')).toBe(false);
  });

  it('resolves variables in the resource part only', () => {
    expect(m('arn:aws:s3:::b/home/${aws:username}/*', 'arn:aws:s3:::b/home/bob/x')).toBe(true);
    expect(m('arn:aws:s3:::b/home/${aws:username}/*', 'arn:aws:s3:::b/home/eve/x')).toBe(false);
    expect(m('arn:aws:s3:::b/home/${aws:userid}/*', 'arn:aws:s3:::b/home/x/y')).toBe(false);
    expect(m('arn:aws:s3:::b/${aws:username}', 'arn:aws:s3:::b/${aws:username}', false)).toBe(true);
  });
});
