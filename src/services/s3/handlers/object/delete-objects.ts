// DeleteObjects: up to 1,000 keys in one request, each authorized on its own (s3:DeleteObject or
// s3:DeleteObjectVersion) and answered with its own Deleted or Error entry; Quiet leaves out the successes. A key's
// `<ETag>` makes its delete conditional, as `If-Match` does for DeleteObject: a key whose condition fails is an Error
// entry and stays.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { checkBufferedDigests } from '../../body/buffered-digests.js';
import type { BucketRecord } from '../../repos/buckets.js';
import { deleteConditionError, deleteObjectTarget, removeObject } from './delete-object.js';
import { isWellFormedVersionId } from './object-access.js';

const MAX_KEYS = 1000;

export async function deleteObjects(input: Shaped, call: CallContext): Promise<Shaped> {
  const bucket = requireBucket(call, input.Bucket as string);
  checkBufferedDigests(call, { required: true });
  const request = (input.Delete as Shaped | undefined) ?? {};
  const objects = (request.Objects as Shaped[] | undefined) ?? [];
  if (objects.length === 0 || objects.length > MAX_KEYS || objects.some(hasDirectoryBucketCondition)) {
    throw new AwsError(
      'MalformedXML',
      'The XML you provided was not well-formed or did not validate against our published schema',
    );
  }
  const quiet = request.Quiet === true;
  const deleted: Shaped[] = [];
  const errors: Shaped[] = [];
  for (const object of objects) {
    const outcome = await deleteOne(call, bucket, object);
    if ('Code' in outcome) errors.push(outcome);
    else if (!quiet) deleted.push(outcome);
  }
  return { Deleted: deleted.length > 0 ? deleted : undefined, Errors: errors.length > 0 ? errors : undefined };
}

/**
 * `<LastModifiedTime>` and `<Size>` are conditions of directory buckets only (API reference, ObjectIdentifier), and
 * xacct serves general purpose buckets: the whole request is refused before anything is deleted, never the condition
 * ignored (docs/deviations.md).
 */
function hasDirectoryBucketCondition(object: Shaped): boolean {
  return object.LastModifiedTime !== undefined || object.Size !== undefined;
}

async function deleteOne(call: CallContext, bucket: BucketRecord, object: Shaped): Promise<Shaped> {
  const key = object.Key as string;
  const versionId = object.VersionId as string | undefined;
  const decision = call.check(deleteObjectTarget(call, bucket, key, versionId));
  if (decision.decision !== 'Allowed') {
    return { Key: key, VersionId: versionId, Code: 'AccessDenied', Message: 'Access Denied' };
  }
  if (versionId !== undefined && !isWellFormedVersionId(bucket, versionId)) {
    return { Key: key, VersionId: versionId, Code: 'NoSuchVersion', Message: 'The specified version does not exist.' };
  }
  const failed = deleteConditionError(call, bucket, key, versionId, object.ETag as string | undefined);
  if (failed !== undefined) return { Key: key, VersionId: versionId, Code: failed.code, Message: failed.message };
  const deletion = await removeObject(call, bucket, key, versionId);
  if (versionId !== undefined) {
    return {
      Key: key,
      VersionId: versionId,
      DeleteMarker: deletion.deleteMarker ? true : undefined,
      DeleteMarkerVersionId: deletion.deleteMarker ? versionId : undefined,
    };
  }
  return deletion.deleteMarker
    ? { Key: key, DeleteMarker: true, DeleteMarkerVersionId: deletion.versionId }
    : { Key: key };
}
