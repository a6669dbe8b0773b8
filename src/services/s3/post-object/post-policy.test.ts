import { describe, expect, it } from 'vitest';
import { checkFileSize, checkPostPolicy, parsePostPolicy } from './post-policy.js';

const encode = (document: unknown) => Buffer.from(JSON.stringify(document)).toString('base64');
const NOW = Date.parse('2026-01-01T00:00:00Z');
const fields = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('post policy', () => {
  const policy = parsePostPolicy(
    encode({
      expiration: '2026-01-01T01:00:00Z',
      conditions: [
        { bucket: 'b' },
        ['starts-with', '$key', 'user/'],
        ['eq', '$Content-Type', 'image/png'],
        ['content-length-range', 1, 10],
      ],
    }),
  );
  const target = { bucket: 'b', key: 'user/a.png' };

  it('holds when every condition does and returns the size range', () => {
    const form = fields({ key: 'user/${filename}', 'content-type': 'image/png', policy: 'p', 'x-amz-signature': 's' });
    expect(checkPostPolicy(policy, form, target, NOW)).toEqual({ min: 1, max: 10 });
  });

  it('names the failed condition, extra fields and expiry as S3 does', () => {
    const wrongType = fields({ key: 'k', 'content-type': 'text/plain' });
    expect(() => checkPostPolicy(policy, wrongType, target, NOW)).toThrow(
      'Invalid according to Policy: Policy Condition failed: ["eq", "$Content-Type", "image/png"]',
    );
    const extra = fields({
      key: 'k',
      'content-type': 'image/png',
      'x-amz-meta-b': '1',
      'x-amz-meta-a': '2',
      'x-ignore-me': '3',
    });
    expect(() => checkPostPolicy(policy, extra, target, NOW)).toThrow(
      'Invalid according to Policy: Extra input fields: x-amz-meta-a, x-amz-meta-b',
    );
    expect(() => checkPostPolicy(policy, fields({}), target, NOW + 2 * 3600_000)).toThrow(
      'Invalid according to Policy: Policy expired.',
    );
  });

  it('refuses documents that are not policies', () => {
    expect(() => parsePostPolicy('!!')).toThrow('Invalid Policy: Invalid JSON.');
    expect(() => parsePostPolicy(encode({ conditions: [] }))).toThrow('Invalid Policy: Missing expiration.');
    expect(() => parsePostPolicy(encode({ expiration: 'soon', conditions: [] }))).toThrow(
      'Invalid Policy: Invalid expiration.',
    );
    expect(() => parsePostPolicy(encode({ expiration: '2026-01-01T00:00:00Z' }))).toThrow(
      'Invalid Policy: Missing conditions.',
    );
    expect(() => parsePostPolicy(encode({ expiration: '2026-01-01T00:00:00Z', conditions: [{ a: 1, b: 2 }] }))).toThrow(
      expect.objectContaining({ code: 'InvalidPolicyDocument' }),
    );
  });

  it('checks the file size against the range', () => {
    expect(() => checkFileSize(11, { min: 1, max: 10 })).toThrow(expect.objectContaining({ code: 'EntityTooLarge' }));
    expect(() => checkFileSize(0, { min: 1, max: 10 })).toThrow(expect.objectContaining({ code: 'EntityTooSmall' }));
    expect(() => checkFileSize(5, { min: 1, max: 10 })).not.toThrow();
  });
});
