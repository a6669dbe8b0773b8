// Streams the file of a browser upload into a blob, refusing it as soon as it outgrows the policy's
// content-length-range, and hashing it for the ETag and the object's checksum on the way.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { type AmzChecksumAlgorithm, createChecksum, verifyAmzChecksum } from '../../../core/checksums/index.js';
import type { CallContext } from '../../types.js';
import type { StoredChecksum } from '../repos/object-types.js';
import { type BodyCipher, writeBody } from '../sse/body-cipher.js';
import { checkFileSize, type SizeLimits } from './post-policy.js';

export interface StoredFile {
  readonly blobId: string;
  readonly size: number;
  readonly etag: string;
  readonly checksum: StoredChecksum;
}

export async function storeFile(
  call: CallContext,
  file: Readable,
  options: {
    readonly limits: SizeLimits | undefined;
    readonly algorithm: AmzChecksumAlgorithm;
    /** A checksum the form claims for the file (x-amz-checksum-* field). */
    readonly claimed: string | undefined;
    /** SSE-KMS: the file is stored encrypted with this. */
    readonly cipher: BodyCipher | undefined;
  },
): Promise<StoredFile> {
  const { blobs } = call.deps.storage;
  const md5 = createHash('md5');
  const checksum = createChecksum(options.algorithm);
  let size = 0;
  const written = await writeBody(
    blobs,
    file,
    (chunk) => {
      size += chunk.length;
      if (options.limits !== undefined && size > options.limits.max) checkFileSize(size, options.limits);
      md5.update(chunk);
      checksum.update(chunk);
    },
    options.cipher,
  );
  try {
    if (options.limits !== undefined) checkFileSize(written.size, options.limits);
    if (options.claimed !== undefined)
      verifyAmzChecksum(options.algorithm, options.claimed, checksum.digest(), 'header');
  } catch (error) {
    await blobs.delete(written.id);
    throw error;
  }
  return {
    blobId: written.id,
    size: written.size,
    etag: md5.digest('hex'),
    checksum: { algorithm: options.algorithm, value: checksum.digest().toString('base64'), type: 'FULL_OBJECT' },
  };
}
