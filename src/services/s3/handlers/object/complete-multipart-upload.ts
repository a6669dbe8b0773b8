// CompleteMultipartUpload: checks the listed parts (order, ETags, the 5 MiB minimum of all but the last), streams them
// into the object's blob, and in one transaction turns the upload into the current object version and remembers the
// answer, so that a retry of the same completion gets it again (replay-completion.ts). The ETag is the MD5 of the
// parts' MD5s with `-<count>`; the checksum is the upload's, COMPOSITE or FULL_OBJECT.
import { AwsError } from '../../../../core/aws-error.js';
import { type AmzChecksumAlgorithm, checksumBase64 } from '../../../../core/checksums/index.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { copyBlobs } from '../../body/copy-blobs.js';
import { BucketStore } from '../../repos/buckets.js';
import { type CompletionResult, rememberCompletedUpload } from '../../repos/completed-uploads.js';
import { completeUpload, listParts, type PartRecord, type UploadRecord } from '../../repos/multipart-uploads.js';
import type { NewObject, StoredChecksum } from '../../repos/object-types.js';
import { currentVersion } from '../../repos/objects.js';
import type { BodyCipher } from '../../sse/body-cipher.js';
import { encryptionOutput, openBody, partCipher } from '../../sse/object-encryption.js';
import { deleteBlobs } from './commit-object.js';
import { MIN_PART_SIZE, noSuchUpload, requireUpload } from './multipart-common.js';
import { unquoteEtag } from './read-conditions.js';
import { completionResult, multipartEtagOf, objectLocation, replayCompletion } from './replay-completion.js';
import { checkWriteCondition, writeConditionOf } from './write-conditions.js';

export async function completeMultipartUpload(input: Shaped, call: CallContext): Promise<Shaped> {
  const bucket = requireBucket(call, input.Bucket as string);
  // INVARIANT: only a completed upload has a record, so an upload in progress is never answered from one.
  const replayed = replayCompletion(call, input);
  if (replayed !== undefined) return replayed;
  const upload = requireUpload(call, input);
  const db = call.deps.storage.db;
  const condition = writeConditionOf(input);
  checkWriteCondition(condition, upload.key, currentVersion(db, bucket.name, upload.key), upload.keyExisted);
  const parts = chosenParts(call, upload, input);
  // S3 decrypts the parts to complete an SSE-KMS upload, so the requester needs kms:Decrypt (S3 UG, multipart upload).
  const cipher = openBody(call, bucket, upload.key, upload.kms);
  const assembled = await assemble(call, upload, parts, input, cipher);
  const { checksum } = assembled;
  const etag = multipartEtagOf(parts.map((p) => p.etag));
  const versioning = BucketStore.of(db).find(bucket.name)?.versioning;
  let result: CompletionResult = {};
  const written = completeUpload(
    db,
    upload.uploadId,
    completedObject(upload, parts, assembled, etag, call.now),
    versioning,
    (current) => checkWriteCondition(condition, upload.key, current, upload.keyExisted),
    (version) => {
      result = completionResult({
        Bucket: bucket.name,
        Key: upload.key,
        ETag: `"${etag}"`,
        [`Checksum${checksum.algorithm}`]: upload.checksumAlgorithm === undefined ? undefined : checksum.value,
        ChecksumType: upload.checksumAlgorithm === undefined ? undefined : checksum.type,
        VersionId: versioning === 'Enabled' ? version.versionId : undefined,
        ...encryptionOutput(upload.sse, upload.kms),
      });
      const completed = { uploadId: upload.uploadId, bucket: bucket.name, key: upload.key, etag, result };
      rememberCompletedUpload(db, { ...completed, completedAt: call.now });
    },
  );
  if (written === undefined) {
    await deleteBlobs(call, [assembled.blobId]);
    // A concurrent completion of the same upload won the race: this one is its retry.
    const raced = replayCompletion(call, input);
    if (raced !== undefined) return raced;
    throw noSuchUpload(upload.uploadId);
  }
  await deleteBlobs(call, written.freedBlobs);
  return { Location: objectLocation(call, bucket.name, upload.key), ...result };
}

/** The object version the upload becomes: the upload's attributes with the assembled body. */
function completedObject(
  upload: UploadRecord,
  parts: readonly PartRecord[],
  assembled: { readonly blobId: string; readonly size: number; readonly checksum: StoredChecksum },
  etag: string,
  now: number,
): NewObject {
  return {
    bucket: upload.bucket,
    key: upload.key,
    owner: upload.owner,
    storageClass: upload.storageClass,
    sse: upload.sse,
    kms: upload.kms,
    headers: upload.headers,
    metadata: upload.metadata,
    tags: upload.tags,
    acl: upload.acl,
    blobId: assembled.blobId,
    size: assembled.size,
    etag,
    lastModified: now,
    checksum: assembled.checksum,
    parts: parts.map((p) => ({ size: p.size, checksum: p.checksum })),
  };
}

/**
 * The parts streamed into the object's blob with its checksum: the upload's FULL_OBJECT algorithm computed on the
 * way, a COMPOSITE one from the parts' checksums, or without one the CRC64NVME S3 gives every object. SSE-KMS parts
 * are decrypted with their own counters and the object encrypted as one body under the upload's key.
 */
async function assemble(
  call: CallContext,
  upload: UploadRecord,
  parts: readonly PartRecord[],
  input: Shaped,
  cipher: BodyCipher | undefined,
): Promise<{ readonly blobId: string; readonly size: number; readonly checksum: StoredChecksum }> {
  const algorithm = upload.checksumAlgorithm as AmzChecksumAlgorithm | undefined;
  const fullObject =
    algorithm === undefined ? 'CRC64NVME' : upload.checksumType === 'FULL_OBJECT' ? algorithm : undefined;
  const copied = await copyBlobs(
    call.deps.storage.blobs,
    parts.map((p) => ({ blobId: p.blobId, cipher: cipher && p.iv && partCipher(cipher, p.iv) })),
    { algorithm: fullObject, cipher, size: parts.reduce((sum, p) => sum + p.size, 0), md5: false },
  );
  // Without a full-object algorithm the upload has a COMPOSITE one.
  const checksum: StoredChecksum =
    fullObject !== undefined
      ? { algorithm: fullObject, value: copied.checksum ?? '', type: 'FULL_OBJECT' }
      : { algorithm: algorithm!, value: compositeChecksum(algorithm!, parts), type: 'COMPOSITE' };
  try {
    checkClaimedChecksum(input, checksum);
  } catch (error) {
    await deleteBlobs(call, [copied.blobId]);
    throw error;
  }
  return { blobId: copied.blobId, size: copied.size, checksum };
}

/** The parts the request lists, in order, each uploaded with the ETag given; all but the last at least 5 MiB. */
function chosenParts(call: CallContext, upload: UploadRecord, input: Shaped): PartRecord[] {
  const algorithm = upload.checksumAlgorithm;
  const listed = (((input.MultipartUpload as Shaped | undefined)?.Parts as Shaped[] | undefined) ?? []).map((p) => ({
    number: p.PartNumber as number,
    etag: unquoteEtag(String(p.ETag ?? '')),
    checksum: algorithm === undefined ? undefined : (p[`Checksum${algorithm}`] as string | undefined),
  }));
  if (listed.length === 0) {
    throw new AwsError(
      'MalformedXML',
      'The XML you provided was not well-formed or did not validate against our published schema',
    );
  }
  const stored = new Map(listParts(call.deps.storage.db, upload.uploadId, 0, 10000).map((p) => [p.partNumber, p]));
  const chosen: PartRecord[] = [];
  for (const [i, entry] of listed.entries()) {
    if (i > 0 && entry.number <= listed[i - 1]!.number) {
      throw new AwsError(
        'InvalidPartOrder',
        'The list of parts was not in ascending order. Parts must be ordered by part number.',
        { extra: { UploadId: upload.uploadId } },
      );
    }
    const part = stored.get(entry.number);
    const checksumDiffers = entry.checksum !== undefined && entry.checksum !== part?.checksum;
    if (part === undefined || part.etag !== entry.etag || checksumDiffers)
      throw invalidPart(upload, entry.number, entry.etag);
    chosen.push(part);
  }
  chosen.forEach((part, i) => {
    if (i < chosen.length - 1 && part.size < MIN_PART_SIZE) {
      throw new AwsError('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.', {
        extra: {
          ProposedSize: String(part.size),
          MinSizeAllowed: String(MIN_PART_SIZE),
          PartNumber: String(part.partNumber),
          ETag: part.etag,
        },
      });
    }
  });
  return chosen;
}

function invalidPart(upload: UploadRecord, partNumber: number, etag: string): AwsError {
  return new AwsError(
    'InvalidPart',
    "One or more of the specified parts could not be found. The part might not have been uploaded, or the specified entity tag might not have matched the part's entity tag.",
    { extra: { UploadId: upload.uploadId, PartNumber: String(partNumber), ETag: etag } },
  );
}

/** A COMPOSITE checksum: the checksum of the parts' checksums, with `-<count>`. */
function compositeChecksum(algorithm: AmzChecksumAlgorithm, parts: readonly PartRecord[]): string {
  const digests = Buffer.concat(parts.map((p) => Buffer.from(p.checksum ?? '', 'base64')));
  return `${checksumBase64(algorithm, digests)}-${parts.length}`;
}

/** A checksum of the whole upload sent with the completion must be the one computed. */
function checkClaimedChecksum(input: Shaped, checksum: StoredChecksum): void {
  const claimed = input[`Checksum${checksum.algorithm}`] as string | undefined;
  if (claimed === undefined || claimed === checksum.value || claimed === checksum.value.replace(/-\d+$/, '')) return;
  throw new AwsError(
    'BadDigest',
    `The ${checksum.algorithm.toLowerCase()} you specified did not match the calculated checksum.`,
  );
}
