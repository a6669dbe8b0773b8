// CopyObject: the destination write is authorized like a PutObject (with s3:x-amz-copy-source and
// s3:x-amz-metadata-directive), the source read separately under its own bucket's policy; metadata and tags are
// copied or replaced as the directives say, and the bytes are streamed into a new blob before the commit.
import { AwsError } from '../../../../core/aws-error.js';
import type { AmzChecksumAlgorithm } from '../../../../core/checksums/index.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { AuthorizationTarget, CallContext } from '../../../types.js';
import { aclParts } from '../../authorization/acl-input.js';
import { requireBucket, s3Target } from '../../authorization/s3-target.js';
import { copyBlobs } from '../../body/copy-blobs.js';
import type { BucketRecord } from '../../repos/buckets.js';
import type { ObjectTag, ObjectVersion } from '../../repos/object-types.js';
import { currentVersion } from '../../repos/objects.js';
import { openBody, sealNewObject } from '../../sse/object-encryption.js';
import { commitObject } from './commit-object.js';
import { authorizeCopySource } from './copy-source.js';
import { contentHeaders, MAX_OBJECT_SIZE, userMetadata } from './new-object.js';
import type { FoundObject } from './object-access.js';
import { parseTaggingHeader } from './object-tags.js';
import { checksumOutput, newObjectAttributes } from './put-object.js';
import { checkWriteCondition, writeConditionOf } from './write-conditions.js';
import { writeContext } from './write-context.js';

const ALGORITHMS: ReadonlySet<string> = new Set(['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256']);

export function copyObjectTargets(input: Shaped, call: CallContext): AuthorizationTarget[] {
  const bucket = requireBucket(call, input.Bucket as string);
  const key = input.Key as string;
  const replaceTags = directive(input, 'TaggingDirective') === 'REPLACE';
  const context = writeContext(input, 'CopyObject', replaceTags ? replacementTags(input) : undefined);
  const targets = [s3Target(call, { action: 's3:PutObject', bucket, key, context })];
  const acl = aclParts(input);
  if (acl.canned || acl.grants) targets.push(s3Target(call, { action: 's3:PutObjectAcl', bucket, key, context }));
  if (replaceTags) targets.push(s3Target(call, { action: 's3:PutObjectTagging', bucket, key, context }));
  return targets;
}

export async function copyObject(input: Shaped, call: CallContext): Promise<Shaped> {
  const bucket = requireBucket(call, input.Bucket as string);
  const key = input.Key as string;
  const metadataDirective = directive(input, 'MetadataDirective');
  const taggingDirective = directive(input, 'TaggingDirective');
  const source = authorizeCopySource(call, input);
  const tags = taggingDirective === 'REPLACE' ? replacementTags(input) : copiedTags(call, source, bucket, key);
  checkCopyChangesSomething(input, source, bucket, key, metadataDirective);
  if (source.version.size > MAX_OBJECT_SIZE) {
    throw new AwsError(
      'InvalidRequest',
      `The specified copy source is larger than the maximum allowable size for a copy source: ${MAX_OBJECT_SIZE}`,
    );
  }
  const attributes = newObjectAttributes(call, input, bucket, key, tags);
  const replaced = metadataDirective === 'REPLACE';
  const condition = writeConditionOf(input);
  const before = currentVersion(call.deps.storage.db, bucket.name, key);
  checkWriteCondition(condition, key, before, undefined);
  const algorithm = checksumAlgorithm(input, source.version);
  // KMS Decrypt of the source's key, then GenerateDataKey for the copy's, both as the requester (S3 API, CopyObject).
  const sourceCipher = openBody(call, source.bucket, source.key, source.version.kms);
  const encryption = sealNewObject(call, input, bucket, key);
  const copied = await copyBlobs(
    call.deps.storage.blobs,
    [{ blobId: source.version.blobId ?? '', cipher: sourceCipher }],
    {
      algorithm,
      cipher: encryption.cipher,
      size: source.version.size,
      md5: true,
    },
  );
  const checksum = { algorithm, value: copied.checksum ?? '', type: 'FULL_OBJECT' as const };
  const version = await commitObject(
    call,
    {
      ...attributes,
      kms: encryption.kms,
      headers: replaced ? contentHeaders(input) : source.version.headers,
      metadata: replaced ? userMetadata(input) : source.version.metadata,
      bucket: bucket.name,
      key,
      blobId: copied.blobId,
      size: copied.size,
      etag: copied.md5!.toString('hex'),
      lastModified: call.now,
      checksum,
      parts: undefined,
    },
    condition,
    before !== undefined && !before.deleteMarker,
  );
  const sourceVersioned = source.bucket.versioning !== undefined && source.version.versionId !== 'null';
  return {
    CopyObjectResult: {
      ETag: `"${version.etag}"`,
      LastModified: new Date(version.lastModified),
      ...checksumOutput(checksum),
    },
    VersionId: bucket.versioning === 'Enabled' ? version.versionId : undefined,
    CopySourceVersionId: sourceVersioned ? source.version.versionId : undefined,
    ...encryption.output,
  };
}

function directive(input: Shaped, member: 'MetadataDirective' | 'TaggingDirective'): 'COPY' | 'REPLACE' {
  const value = (input[member] as string | undefined) ?? 'COPY';
  if (value !== 'COPY' && value !== 'REPLACE') {
    const what = member === 'MetadataDirective' ? 'metadata' : 'tagging';
    throw new AwsError('InvalidArgument', `Unknown ${what} directive.`, {
      extra: { ArgumentName: `x-amz-${what}-directive`, ArgumentValue: value },
    });
  }
  return value;
}

function replacementTags(input: Shaped): ObjectTag[] {
  const header = input.Tagging as string | undefined;
  return header === undefined ? [] : parseTaggingHeader(header);
}

/**
 * Copied tags are read from the source and written to the destination, so the caller needs s3:GetObjectTagging on
 * the source and s3:PutObjectTagging on the destination when there are any (aws-reference 1.2, [I]).
 */
function copiedTags(call: CallContext, source: FoundObject, bucket: BucketRecord, key: string): readonly ObjectTag[] {
  const tags = source.version.tags;
  if (tags.length === 0) return tags;
  const versioned = source.requestedVersion !== undefined;
  call.authorize(
    s3Target(call, {
      action: versioned ? 's3:GetObjectVersionTagging' : 's3:GetObjectTagging',
      bucket: source.bucket,
      key: source.key,
      objectAcl: source.version.acl,
    }),
  );
  call.authorize(s3Target(call, { action: 's3:PutObjectTagging', bucket, key }));
  return tags;
}

/** A copy onto itself must change something, or S3 refuses it. */
function checkCopyChangesSomething(
  input: Shaped,
  source: FoundObject,
  bucket: BucketRecord,
  key: string,
  metadataDirective: string,
): void {
  // Copying an older version over the current one restores it, which is a change.
  if (source.bucket.name !== bucket.name || source.key !== key || !source.version.isLatest) return;
  const changes =
    metadataDirective === 'REPLACE' ||
    input.StorageClass !== undefined ||
    input.ServerSideEncryption !== undefined ||
    input.WebsiteRedirectLocation !== undefined ||
    input.SSECustomerAlgorithm !== undefined;
  if (!changes) {
    throw new AwsError(
      'InvalidRequest',
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
}

/** The copy's checksum: the one asked for (x-amz-checksum-algorithm), else the source's algorithm, else CRC64NVME. */
function checksumAlgorithm(input: Shaped, source: ObjectVersion): AmzChecksumAlgorithm {
  const requested = (input.ChecksumAlgorithm as string | undefined)?.toUpperCase();
  if (requested !== undefined) {
    if (!ALGORITHMS.has(requested)) {
      throw new AwsError('InvalidRequest', 'Checksum algorithm provided is unsupported.');
    }
    return requested as AmzChecksumAlgorithm;
  }
  return source.checksum?.algorithm ?? 'CRC64NVME';
}
