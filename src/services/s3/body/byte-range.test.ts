import { describe, expect, it } from 'vitest';
import { parseCopySourceRange, parseRange } from './byte-range.js';

describe('parseRange', () => {
  it('reads byte, open and suffix ranges, clamping the end', () => {
    expect(parseRange('bytes=0-0', 10)).toEqual({ start: 0, end: 0 });
    expect(parseRange('bytes=3-', 10)).toEqual({ start: 3, end: 9 });
    expect(parseRange('bytes=-4', 10)).toEqual({ start: 6, end: 9 });
    expect(parseRange('bytes=-40', 10)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=5-99', 10)).toEqual({ start: 5, end: 9 });
  });

  it('ignores what S3 ignores: no header, other units, several ranges, reversed ranges', () => {
    for (const header of [undefined, 'items=0-1', 'bytes=0-1,3-4', 'bytes=5-2', 'bytes=-', 'nonsense']) {
      expect(parseRange(header, 10)).toBeUndefined();
    }
  });

  it('answers InvalidRange past the end and for a zero-length suffix', () => {
    expect(() => parseRange('bytes=10-', 10)).toThrow(expect.objectContaining({ code: 'InvalidRange', status: 416 }));
    expect(() => parseRange('bytes=-0', 10)).toThrow(expect.objectContaining({ code: 'InvalidRange' }));
    expect(() => parseRange('bytes=0-', 0)).toThrow(
      expect.objectContaining({ extra: expect.objectContaining({ ActualObjectSize: '0' }) }),
    );
  });
});

describe('parseCopySourceRange', () => {
  it('takes only bytes=first-last inside the source', () => {
    expect(parseCopySourceRange('bytes=2-5', 10)).toEqual({ start: 2, end: 5 });
    expect(() => parseCopySourceRange('bytes=2-', 10)).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    expect(() => parseCopySourceRange('bytes=10-12', 10)).toThrow(expect.objectContaining({ code: 'InvalidRequest' }));
    expect(() => parseCopySourceRange('bytes=5-10', 10)).toThrow(
      expect.objectContaining({ message: 'Range specified is not valid for source object of size: 10' }),
    );
  });
});
