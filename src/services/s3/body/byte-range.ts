// The byte ranges S3 serves: a GET's `Range` header (one range; anything S3 cannot read means the whole object) and
// UploadPartCopy's stricter `x-amz-copy-source-range`.
import { AwsError } from '../../../core/aws-error.js';

export interface ByteRange {
  /** Inclusive offsets. */
  readonly start: number;
  readonly end: number;
}

const RANGE = /^bytes=(\d*)-(\d*)$/;

/**
 * The range a `Range` header selects in an object of `size` bytes, or undefined for the whole object (no header, a
 * form S3 ignores, or several ranges). `bytes=10-` is open, `bytes=-10` the last ten bytes.
 * @throws AwsError `InvalidRange` (416) when the range starts past the end or asks for a zero-length suffix.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  if (header === undefined) return undefined;
  const match = RANGE.exec(header.trim());
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) throw invalidRange(header, size);
    return size === 0 ? undefined : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) throw invalidRange(header, size);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return end < start ? undefined : { start, end };
}

function invalidRange(requested: string, size: number): AwsError {
  return new AwsError('InvalidRange', 'The requested range is not satisfiable', {
    status: 416,
    extra: { RangeRequested: requested, ActualObjectSize: String(size) },
    headers: { 'Content-Range': `bytes */${size}` },
  });
}

const COPY_RANGE_FORM =
  'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy';

/** UploadPartCopy's `x-amz-copy-source-range`: exactly `bytes=first-last`, inside the source object. */
export function parseCopySourceRange(header: string, size: number): ByteRange {
  const match = /^bytes=(\d+)-(\d+)$/.exec(header);
  const start = match ? Number(match[1]) : Number.NaN;
  const end = match ? Number(match[2]) : Number.NaN;
  if (!match || start > end) {
    throw new AwsError('InvalidArgument', COPY_RANGE_FORM, {
      extra: { ArgumentName: 'x-amz-copy-source-range', ArgumentValue: header },
    });
  }
  if (start >= size)
    throw new AwsError('InvalidRequest', 'The specified copy range is invalid for the source object size');
  if (end >= size) {
    throw new AwsError('InvalidArgument', `Range specified is not valid for source object of size: ${size}`, {
      extra: { ArgumentName: 'x-amz-copy-source-range', ArgumentValue: header },
    });
  }
  return { start, end };
}

export function contentRange(range: ByteRange, size: number): string {
  return `bytes ${range.start}-${range.end}/${size}`;
}
