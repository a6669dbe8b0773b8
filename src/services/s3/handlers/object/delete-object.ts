// DeleteObject (and each key of DeleteObjects): removes the object of an unversioned bucket, stacks a delete marker
// in a versioned one, or with `versionId` removes that version for good; `If-Match` (DeleteObjects: `<ETag>`) makes
// the delete conditional.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { AuthorizationTarget, CallContext } from '../../../types.js';
import { requireBucket, s3Target } from '../../authorization/s3-target.js';
import type { BucketRecord } from '../../repos/buckets.js';
import { NULL_VERSION } from '../../repos/object-types.js';
import { currentVersion, findVersion, putDeleteMarker, removeObjectVersion } from '../../repos/objects.js';
import { deleteBlobs } from './commit-object.js';
import { checkVersionId } from './object-access.js';
import { etagListMatches, preconditionFailed } from './read-conditions.js';

export interface Deletion {
  /** The version removed, or the delete marker created. */
  readonly versionId: string | undefined;
  /** True when a delete marker was created or removed. */
  readonly deleteMarker: boolean;
}

/** s3:DeleteObject, or s3:DeleteObjectVersion when a version is named. */
export function deleteObjectTarget(
  call: CallContext,
  bucket: BucketRecord,
  key: string,
  versionId?: string,
): AuthorizationTarget {
  return s3Target(call, {
    action: versionId === undefined ? 's3:DeleteObject' : 's3:DeleteObjectVersion',
    bucket,
    key,
    context: versionId === undefined ? {} : { 's3:versionid': versionId },
  });
}

export function deleteObjectTargets(input: Shaped, call: CallContext): AuthorizationTarget {
  const bucket = requireBucket(call, input.Bucket as string);
  return deleteObjectTarget(call, bucket, input.Key as string, input.VersionId as string | undefined);
}

export async function deleteObject(input: Shaped, call: CallContext): Promise<Shaped> {
  const bucket = requireBucket(call, input.Bucket as string);
  const key = input.Key as string;
  const versionId = input.VersionId as string | undefined;
  if (versionId !== undefined) checkVersionId(bucket, versionId);
  const failed = deleteConditionError(call, bucket, key, versionId, input.IfMatch as string | undefined);
  if (failed !== undefined) throw failed;
  const deletion = await removeObject(call, bucket, key, versionId);
  return {
    DeleteMarker: deletion.deleteMarker ? true : undefined,
    VersionId: bucket.versioning === undefined ? undefined : deletion.versionId,
  };
}

/**
 * A conditional delete (S3 UG, "How to perform conditional deletes"): `ifMatch` (an ETag, quoted or not, a list of
 * them, or `*`) is held against the version the delete would act on, the named one or else the current one. A
 * different ETag is 412 PreconditionFailed; no object there (no such version, no key, or a delete marker on top) is
 * 404 NoSuchKey, as S3 answers a conditional delete of a key without a current object.
 * INVARIANT: callers remove the object without awaiting in between, so nothing can change it after this check.
 */
export function deleteConditionError(
  call: CallContext,
  bucket: BucketRecord,
  key: string,
  versionId: string | undefined,
  ifMatch: string | undefined,
): AwsError | undefined {
  if (ifMatch === undefined) return undefined;
  const db = call.deps.storage.db;
  const target =
    versionId === undefined ? currentVersion(db, bucket.name, key) : findVersion(db, bucket.name, key, versionId);
  if (target === undefined || target.deleteMarker) {
    return new AwsError('NoSuchKey', 'The specified key does not exist.', { status: 404, extra: { Key: key } });
  }
  return etagListMatches(ifMatch, target.etag) ? undefined : preconditionFailed('If-Match');
}

export async function removeObject(
  call: CallContext,
  bucket: BucketRecord,
  key: string,
  versionId: string | undefined,
): Promise<Deletion> {
  const db = call.deps.storage.db;
  if (versionId !== undefined) checkVersionId(bucket, versionId);
  if (versionId !== undefined || bucket.versioning === undefined) {
    const { removed, freedBlobs } = removeObjectVersion(db, bucket.name, key, versionId ?? NULL_VERSION);
    await deleteBlobs(call, freedBlobs);
    return { versionId, deleteMarker: removed?.deleteMarker === true };
  }
  const owner = call.caller.account ?? bucket.owner;
  const canonicalId = call.caller.principal.canonicalUserId ?? bucket.ownerCanonicalId;
  const written = putDeleteMarker(
    db,
    { bucket: bucket.name, key, owner: { account: owner, canonicalId }, now: call.now },
    bucket.versioning,
  );
  await deleteBlobs(call, written.freedBlobs);
  return { versionId: written.version.versionId, deleteMarker: true };
}
