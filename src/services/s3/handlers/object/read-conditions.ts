// The conditional headers of reads (GET/HEAD `If-*`) and of copy sources (`x-amz-copy-source-if-*`), evaluated in
// S3's order: a failed If-Match (or, without If-Match, If-Unmodified-Since) is 412; then If-None-Match or
// If-Modified-Since make a read 304 and a copy 412.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { ObjectVersion } from '../../repos/object-types.js';

interface Conditions {
  readonly ifMatch: string | undefined;
  readonly ifNoneMatch: string | undefined;
  readonly ifModifiedSince: Date | undefined;
  readonly ifUnmodifiedSince: Date | undefined;
}

export function preconditionFailed(condition: string): AwsError {
  return new AwsError('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', {
    status: 412,
    extra: { Condition: condition },
  });
}

/** GET/HEAD: throws 412 PreconditionFailed or 304 NotModified (with the object's ETag and Last-Modified). */
export function checkReadConditions(input: Shaped, version: ObjectVersion, now: number): void {
  const conditions: Conditions = {
    ifMatch: input.IfMatch as string | undefined,
    ifNoneMatch: input.IfNoneMatch as string | undefined,
    ifModifiedSince: input.IfModifiedSince as Date | undefined,
    ifUnmodifiedSince: input.IfUnmodifiedSince as Date | undefined,
  };
  const failed = failedCondition(conditions, version, now, '');
  if (failed === undefined) return;
  if (failed.kind === 'precondition') throw preconditionFailed(failed.condition);
  throw new AwsError('NotModified', 'Not Modified', {
    status: 304,
    headers: { ETag: `"${version.etag}"`, 'Last-Modified': new Date(version.lastModified).toUTCString() },
  });
}

/** CopyObject/UploadPartCopy source: every failed condition is a 412 naming the header. */
export function checkCopySourceConditions(input: Shaped, version: ObjectVersion, now: number): void {
  const conditions: Conditions = {
    ifMatch: input.CopySourceIfMatch as string | undefined,
    ifNoneMatch: input.CopySourceIfNoneMatch as string | undefined,
    ifModifiedSince: input.CopySourceIfModifiedSince as Date | undefined,
    ifUnmodifiedSince: input.CopySourceIfUnmodifiedSince as Date | undefined,
  };
  const failed = failedCondition(conditions, version, now, 'x-amz-copy-source-');
  if (failed !== undefined) throw preconditionFailed(failed.condition);
}

type Failure = { readonly kind: 'precondition' | 'not-modified'; readonly condition: string };

function failedCondition(c: Conditions, version: ObjectVersion, now: number, prefix: string): Failure | undefined {
  // HTTP dates have whole seconds, so the object's time is compared at that resolution.
  const modified = Math.floor(version.lastModified / 1000) * 1000;
  if (c.ifMatch !== undefined) {
    if (!etagListMatches(c.ifMatch, version.etag)) return { kind: 'precondition', condition: `${prefix}If-Match` };
  } else if (c.ifUnmodifiedSince !== undefined && modified > c.ifUnmodifiedSince.getTime()) {
    return { kind: 'precondition', condition: `${prefix}If-Unmodified-Since` };
  }
  if (c.ifNoneMatch !== undefined && etagListMatches(c.ifNoneMatch, version.etag)) {
    return { kind: 'not-modified', condition: `${prefix}If-None-Match` };
  }
  const since = c.ifModifiedSince?.getTime();
  // A date in the future is ignored (RFC 9110, 13.1.3).
  if (since !== undefined && since < now && modified <= since) {
    return { kind: 'not-modified', condition: `${prefix}If-Modified-Since` };
  }
  return undefined;
}

/** `"etag"`, `etag`, `W/"etag"`, lists of them, or `*`. */
export function etagListMatches(header: string, etag: string): boolean {
  return header.split(',').some((item) => {
    const value = item.trim();
    return value === '*' || unquoteEtag(value) === etag;
  });
}

export function unquoteEtag(value: string): string {
  const bare = value.startsWith('W/') ? value.slice(2) : value;
  return bare.length >= 2 && bare.startsWith('"') && bare.endsWith('"') ? bare.slice(1, -1) : bare;
}
