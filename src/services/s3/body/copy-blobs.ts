// Writes a new blob from (ranges of) existing ones, hashing it on the way: CopyObject and UploadPartCopy copy one
// source, CompleteMultipartUpload concatenates the parts. The sources are read one after another with flat memory.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { AmzChecksumAlgorithm } from '../../../core/checksums/index.js';
import { bodyChecksum, dropChecksum } from '../../../core/checksums/offloaded-checksum.js';
import type { BlobStore, BlobWriteResult } from '../../../storage/blobs.js';
import { type BodyCipher, decryptBody, writeBody } from '../sse/body-cipher.js';
import type { ByteRange } from './byte-range.js';

export interface BlobSegment {
  readonly blobId: string;
  /** The whole blob when undefined. */
  readonly range?: ByteRange;
  /** Set when the blob is stored encrypted (SSE-KMS): it is read as plaintext. */
  readonly cipher?: BodyCipher | undefined;
}

export interface CopyOptions {
  /** The checksum to compute, when one is asked for. */
  readonly algorithm: AmzChecksumAlgorithm | undefined;
  /** Encrypts the new blob (SSE-KMS); its MD5 and checksum are the plaintext's either way. */
  readonly cipher?: BodyCipher | undefined;
  /** The bytes to copy in all: a large copy computes its checksum on the worker thread. */
  readonly size: number;
  /** Whether to compute the copy's MD5: a multipart object's ETag comes from its parts' MD5s instead. */
  readonly md5: boolean;
}

export interface CopiedBlob {
  readonly blobId: string;
  readonly size: number;
  /** Computed when asked for. */
  readonly md5: Buffer | undefined;
  /** Base64 digest in `algorithm`, when one was asked for. */
  readonly checksum: string | undefined;
}

export async function copyBlobs(
  blobs: BlobStore,
  segments: readonly BlobSegment[],
  options: CopyOptions,
): Promise<CopiedBlob> {
  const md5 = options.md5 ? createHash('md5') : undefined;
  async function* concatenated(): AsyncGenerator<Buffer> {
    for (const segment of segments) {
      // An empty range (a zero-byte part) has nothing to read.
      if (segment.range !== undefined && segment.range.end < segment.range.start) continue;
      const stored = await blobs.openRead(segment.blobId, segment.range);
      const stream = decryptBody(stored, segment.cipher, segment.range?.start ?? 0) as Readable;
      for await (const chunk of stream) yield chunk as Buffer;
    }
  }
  // Made last, so that every way out from here digests or drops it.
  const checksum = options.algorithm === undefined ? undefined : bodyChecksum(options.algorithm, options.size);
  let written: BlobWriteResult;
  try {
    written = await writeBody(
      blobs,
      concatenated(),
      (chunk) => {
        md5?.update(chunk);
        return checksum?.update(chunk);
      },
      options.cipher,
    );
  } catch (error) {
    dropChecksum(checksum);
    throw error;
  }
  let digest: Buffer | undefined;
  try {
    digest = await checksum?.digest();
  } catch (error) {
    // Only a failed worker thread ends here: the copy is not kept.
    await blobs.delete(written.id);
    throw error;
  }
  return { blobId: written.id, size: written.size, md5: md5?.digest(), checksum: digest?.toString('base64') };
}
