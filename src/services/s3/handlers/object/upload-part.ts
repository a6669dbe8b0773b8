// UploadPart and UploadPartCopy: one part of a multipart upload, streamed (or copied from an object range) into a
// blob of its own, with the upload's checksum algorithm computed on the way.
import { AwsError } from '../../../../core/aws-error.js';
import type { AmzChecksumAlgorithm } from '../../../../core/checksums/index.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { type BucketRecord, requireBucket } from '../../authorization/s3-target.js';
import { planBody } from '../../body/body-plan.js';
import { parseCopySourceRange } from '../../body/byte-range.js';
import { copyBlobs } from '../../body/copy-blobs.js';
import { receiveBody } from '../../body/receive-body.js';
import { type PartRecord, putPart, type UploadRecord } from '../../repos/multipart-uploads.js';
import type { BodyCipher } from '../../sse/body-cipher.js';
import { encryptionOutput, openBody, partCipher } from '../../sse/object-encryption.js';
import { deleteBlobs } from './commit-object.js';
import { authorizeCopySource } from './copy-source.js';
import { noSuchUpload, requireUpload } from './multipart-common.js';
import { MAX_OBJECT_SIZE } from './new-object.js';
import { checkPartNumber } from './select-bytes.js';

export async function uploadPart(input: Shaped, call: CallContext): Promise<Shaped> {
  const bucket = requireBucket(call, input.Bucket as string);
  const upload = requireUpload(call, input);
  const partNumber = input.PartNumber as number;
  checkPartNumber(partNumber);
  const plan = planBody(call);
  const algorithm = upload.checksumAlgorithm as AmzChecksumAlgorithm | undefined;
  if (algorithm !== undefined && plan.checksum !== undefined && plan.checksum.algorithm !== algorithm) {
    throw new AwsError(
      'InvalidRequest',
      `Checksum Type mismatch occurred, expected checksum Type: ${algorithm.toLowerCase()}, actual checksum Type: ${plan.checksum.algorithm.toLowerCase()}`,
    );
  }
  const cipher = uploadPartCipher(call, bucket, upload);
  const body = await receiveBody(call, input.Body as NodeJS.ReadableStream, plan, {
    maxSize: MAX_OBJECT_SIZE,
    defaultChecksum: algorithm,
    cipher,
  });
  const checksum = algorithm === undefined ? undefined : body.checksum?.value;
  const part: PartRecord = {
    partNumber,
    blobId: body.blobId,
    size: body.size,
    etag: body.md5.toString('hex'),
    lastModified: call.now,
    checksum,
    iv: cipher?.iv,
  };
  await recordPart(call, upload, part);
  return {
    ETag: `"${part.etag}"`,
    ...encryptionOutput(upload.sse, upload.kms),
    ...(body.checksum?.claimed ? { [`Checksum${body.checksum.algorithm}`]: body.checksum.value } : {}),
  };
}

export async function uploadPartCopy(input: Shaped, call: CallContext): Promise<Shaped> {
  const bucket = requireBucket(call, input.Bucket as string);
  const upload = requireUpload(call, input);
  const partNumber = input.PartNumber as number;
  checkPartNumber(partNumber);
  const source = authorizeCopySource(call, input);
  const rangeHeader = input.CopySourceRange as string | undefined;
  const range = rangeHeader === undefined ? undefined : parseCopySourceRange(rangeHeader, source.version.size);
  const algorithm = upload.checksumAlgorithm as AmzChecksumAlgorithm | undefined;
  const sourceCipher = openBody(call, source.bucket, source.key, source.version.kms);
  const cipher = uploadPartCipher(call, bucket, upload);
  const copied = await copyBlobs(
    call.deps.storage.blobs,
    [{ blobId: source.version.blobId ?? '', range, cipher: sourceCipher }],
    { algorithm, cipher, size: range === undefined ? source.version.size : range.end - range.start + 1, md5: true },
  );
  const part: PartRecord = {
    partNumber,
    blobId: copied.blobId,
    size: copied.size,
    etag: copied.md5!.toString('hex'),
    lastModified: call.now,
    checksum: copied.checksum,
    iv: cipher?.iv,
  };
  await recordPart(call, upload, part);
  const sourceVersioned = source.bucket.versioning !== undefined && source.version.versionId !== 'null';
  return {
    CopyPartResult: {
      ETag: `"${part.etag}"`,
      LastModified: new Date(part.lastModified),
      ...(algorithm === undefined ? {} : { [`Checksum${algorithm}`]: copied.checksum }),
    },
    CopySourceVersionId: sourceVersioned ? source.version.versionId : undefined,
    ...encryptionOutput(upload.sse, upload.kms),
  };
}

/** SSE-KMS uploads: the upload's data key (KMS Decrypt as the requester) with a fresh counter for this part. */
function uploadPartCipher(call: CallContext, bucket: BucketRecord, upload: UploadRecord): BodyCipher | undefined {
  const cipher = openBody(call, bucket, upload.key, upload.kms);
  return cipher && partCipher(cipher);
}

/** Records the part; when the upload ended while the part streamed in, the part's blob goes and NoSuchUpload answers. */
async function recordPart(call: CallContext, upload: UploadRecord, part: PartRecord): Promise<void> {
  const freed = putPart(call.deps.storage.db, upload.uploadId, part);
  if (freed === undefined) {
    await deleteBlobs(call, [part.blobId]);
    throw noSuchUpload(upload.uploadId);
  }
  await deleteBlobs(call, freed);
}
