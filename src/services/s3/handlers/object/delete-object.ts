// DeleteObject (and each key of DeleteObjects): removes the object of an unversioned bucket, stacks a delete marker
// in a versioned one, or with `versionId` removes that version for good.
import type { Shaped } from '../../../../protocol/index.js';
import type { AuthorizationTarget, CallContext } from '../../../types.js';
import { requireBucket, s3Target } from '../../authorization/s3-target.js';
import type { BucketRecord } from '../../repos/buckets.js';
import { NULL_VERSION } from '../../repos/object-types.js';
import { currentVersion, putDeleteMarker, removeObjectVersion } from '../../repos/objects.js';
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
  const ifMatch = input.IfMatch as string | undefined;
  if (ifMatch !== undefined) {
    const current = currentVersion(call.deps.storage.db, bucket.name, key);
    if (current !== undefined && !current.deleteMarker && !etagListMatches(ifMatch, current.etag)) {
      throw preconditionFailed('If-Match');
    }
  }
  const deletion = await removeObject(call, bucket, key, input.VersionId as string | undefined);
  return {
    DeleteMarker: deletion.deleteMarker ? true : undefined,
    VersionId: bucket.versioning === undefined ? undefined : deletion.versionId,
  };
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
