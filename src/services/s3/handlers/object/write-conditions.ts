// Conditional writes (S3 UG, "How to prevent object overwrites with conditional writes"): `If-None-Match: *` writes
// only where no object is, `If-Match: <etag>` only over that version. Checked once before the body is read (fail fast)
// and again inside the commit transaction, where the first writer to finish wins and a key that vanished meanwhile is
// a 409 ConditionalRequestConflict.
import { AwsError, notImplemented } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { ObjectVersion } from '../../repos/object-types.js';
import { etagListMatches, preconditionFailed } from './read-conditions.js';

export type WriteCondition = { readonly kind: 'if-none-match' } | { readonly kind: 'if-match'; readonly etag: string };

/** The request's write condition; S3 takes only `*` for If-None-Match, an ETag for If-Match, and not both. */
export function writeConditionOf(input: Shaped): WriteCondition | undefined {
  const ifMatch = input.IfMatch as string | undefined;
  const ifNoneMatch = input.IfNoneMatch as string | undefined;
  if (ifMatch !== undefined && ifNoneMatch !== undefined) {
    throw notImplemented('If-Match,If-None-Match', 'Multiple conditional request headers present in the request');
  }
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() !== '*') {
      throw notImplemented('If-None-Match', "We don't accept the provided value of If-None-Match header for this API");
    }
    return { kind: 'if-none-match' };
  }
  if (ifMatch !== undefined) {
    if (ifMatch.trim() === '*') {
      throw notImplemented('If-Match', "We don't accept the provided value of If-Match header for this API");
    }
    return { kind: 'if-match', etag: ifMatch };
  }
  return undefined;
}

/**
 * Holds the condition against the key's current version. `existedBefore` says whether the key had an object when the
 * write began: if it is gone now, a concurrent delete won and the write conflicts.
 */
export function checkWriteCondition(
  condition: WriteCondition | undefined,
  key: string,
  current: ObjectVersion | undefined,
  existedBefore: boolean | undefined,
): void {
  if (condition === undefined) return;
  const live = current !== undefined && !current.deleteMarker ? current : undefined;
  const header = condition.kind === 'if-match' ? 'If-Match' : 'If-None-Match';
  if (condition.kind === 'if-none-match') {
    if (live !== undefined) throw preconditionFailed(header);
    if (existedBefore === true) throw conflict(header, key);
    return;
  }
  if (live === undefined) {
    if (existedBefore === true) throw conflict(header, key);
    throw new AwsError('NoSuchKey', 'The specified key does not exist.', { status: 404, extra: { Key: key } });
  }
  if (!etagListMatches(condition.etag, live.etag)) throw preconditionFailed(header);
}

function conflict(condition: string, key: string): AwsError {
  return new AwsError(
    'ConditionalRequestConflict',
    'The conditional request cannot succeed due to a conflicting operation against this resource.',
    { status: 409, extra: { Condition: condition, Key: key } },
  );
}
