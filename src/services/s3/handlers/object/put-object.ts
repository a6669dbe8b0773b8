// PutObject: streams the body into a blob, verifies every digest the request claims, and commits the object only
// once the blob is complete, so a request that fails (or a process that dies) never leaves a partial object.
import { AwsError, notImplemented } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { AuthorizationTarget, CallContext } from '../../../types.js';
import { aclParts } from '../../authorization/acl-input.js';
import { requireBucket, s3Target } from '../../authorization/s3-target.js';
import { planBody } from '../../body/body-plan.js';
import { receiveBody } from '../../body/receive-body.js';
import type { BucketRecord } from '../../repos/buckets.js';
import type { ObjectAttributes, ObjectTag, StoredChecksum } from '../../repos/object-types.js';
import { currentVersion } from '../../repos/objects.js';
import { sealNewObject } from '../../sse/object-encryption.js';
import { sseRequestOf } from '../../sse/sse-request.js';
import { commitObject } from './commit-object.js';
import {
  checkObjectKey,
  contentHeaders,
  type InputSource,
  MAX_OBJECT_SIZE,
  ownershipOf,
  storageClassOf,
  userMetadata,
} from './new-object.js';
import { parseTaggingHeader } from './object-tags.js';
import { checkWriteCondition, writeConditionOf } from './write-conditions.js';
import { writeContext } from './write-context.js';

/**
 * The targets of a write that creates an object (PutObject, CreateMultipartUpload): s3:PutObject, plus
 * s3:PutObjectAcl when an ACL is set and s3:PutObjectTagging when tags are.
 */
export function objectWriteTargets(operation: string): (input: Shaped, call: CallContext) => AuthorizationTarget[] {
  return (input, call) => {
    const bucket = requireBucket(call, input.Bucket as string);
    const key = input.Key as string;
    const tags = headerTags(input);
    const context = writeContext(input, operation, tags);
    const targets = [s3Target(call, { action: 's3:PutObject', bucket, key, context })];
    const acl = aclParts(input);
    if (acl.canned || acl.grants) targets.push(s3Target(call, { action: 's3:PutObjectAcl', bucket, key, context }));
    if (tags !== undefined) targets.push(s3Target(call, { action: 's3:PutObjectTagging', bucket, key, context }));
    return targets;
  };
}

export async function putObject(input: Shaped, call: CallContext): Promise<Shaped> {
  const bucket = requireBucket(call, input.Bucket as string);
  const key = input.Key as string;
  const attributes = newObjectAttributes(call, input, bucket, key, headerTags(input) ?? []);
  const condition = writeConditionOf(input);
  const plan = planBody(call);
  const before = currentVersion(call.deps.storage.db, bucket.name, key);
  checkWriteCondition(condition, key, before, undefined);
  const encryption = sealNewObject(call, input, bucket, key);
  const body = await receiveBody(call, input.Body as NodeJS.ReadableStream, plan, {
    maxSize: MAX_OBJECT_SIZE,
    defaultChecksum: 'CRC64NVME',
    cipher: encryption.cipher,
  });
  const checksum: StoredChecksum | undefined = body.checksum && {
    algorithm: body.checksum.algorithm,
    value: body.checksum.value,
    type: 'FULL_OBJECT',
  };
  const version = await commitObject(
    call,
    {
      ...attributes,
      kms: encryption.kms,
      bucket: bucket.name,
      key,
      blobId: body.blobId,
      size: body.size,
      etag: body.md5.toString('hex'),
      lastModified: call.now,
      checksum,
      parts: undefined,
    },
    condition,
    before !== undefined && !before.deleteMarker,
  );
  return {
    ETag: `"${version.etag}"`,
    ...encryption.output,
    VersionId: bucket.versioning === 'Enabled' ? version.versionId : undefined,
    // Also the CRC64NVME S3 adds to an upload that names no checksum (PutObject API reference, ChecksumCRC64NVME).
    ...checksumOutput(checksum),
  };
}

/** Everything a new object carries besides its body, validated before the body is read. */
export function newObjectAttributes(
  call: CallContext,
  input: Shaped,
  bucket: BucketRecord,
  key: string,
  tags: readonly ObjectTag[],
  source: InputSource = 'headers',
): ObjectAttributes {
  checkObjectKey(key);
  rejectObjectLock(input, bucket);
  const { owner, acl } = ownershipOf(call, input, bucket, `${bucket.arn}/${key}`);
  return {
    owner,
    acl,
    storageClass: storageClassOf(input),
    sse: sseRequestOf(call, input, bucket, key).algorithm,
    headers: contentHeaders(input, source),
    metadata: userMetadata(input),
    tags,
  };
}

export function checksumOutput(checksum: StoredChecksum | undefined): Shaped {
  if (checksum === undefined) return {};
  return { [`Checksum${checksum.algorithm}`]: checksum.value, ChecksumType: checksum.type };
}

export function headerTags(input: Shaped): ObjectTag[] | undefined {
  const header = input.Tagging as string | undefined;
  return header === undefined ? undefined : parseTaggingHeader(header);
}

/** Object Lock retention and legal holds are not emulated; S3 refuses them outright on buckets without the lock. */
function rejectObjectLock(input: Shaped, bucket: BucketRecord): void {
  const lock = ['ObjectLockMode', 'ObjectLockRetainUntilDate', 'ObjectLockLegalHoldStatus'].some(
    (member) => input[member] !== undefined,
  );
  if (!lock) return;
  if (!bucket.objectLockEnabled) throw new AwsError('InvalidRequest', 'Bucket is missing Object Lock Configuration');
  throw notImplemented('x-amz-object-lock-mode');
}
