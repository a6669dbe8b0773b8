// The last step of every object write: the body is already a complete blob; one transaction re-checks the write
// condition and makes the object current. Only then are replaced blobs deleted, and a failed commit deletes its own.
import type { CallContext } from '../../../types.js';
import { noSuchBucket } from '../../authorization/s3-target.js';
import { BucketStore } from '../../repos/buckets.js';
import type { NewObject, ObjectVersion } from '../../repos/object-types.js';
import { putObjectVersion } from '../../repos/objects.js';
import { checkWriteCondition, type WriteCondition } from './write-conditions.js';

export async function commitObject(
  call: CallContext,
  object: NewObject,
  condition: WriteCondition | undefined,
  existedBefore: boolean | undefined,
): Promise<ObjectVersion> {
  const { db, blobs } = call.deps.storage;
  let written: ReturnType<typeof putObjectVersion>;
  try {
    // The bucket is read again: it may have been deleted, or its versioning changed, while the body streamed in.
    const bucket = BucketStore.of(db).find(object.bucket);
    if (bucket === undefined) throw noSuchBucket(object.bucket);
    written = putObjectVersion(db, object, bucket.versioning, (current) =>
      checkWriteCondition(condition, object.key, current, existedBefore),
    );
  } catch (error) {
    await blobs.delete(object.blobId);
    throw error;
  }
  await deleteBlobs(call, written.freedBlobs);
  return written.version;
}

export async function deleteBlobs(call: CallContext, blobIds: readonly string[]): Promise<void> {
  const { blobs } = call.deps.storage;
  await Promise.all(blobIds.map((id) => blobs.delete(id)));
}
