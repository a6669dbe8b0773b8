// Writes a new blob from (ranges of) existing ones, hashing it on the way: CopyObject and UploadPartCopy copy one
// source, CompleteMultipartUpload concatenates the parts. The sources are read one after another with flat memory.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { type AmzChecksumAlgorithm, createChecksum } from '../../../core/checksums/index.js';
import type { BlobStore } from '../../../storage/blobs.js';
import { type BodyCipher, decryptBody, writeBody } from '../sse/body-cipher.js';
import type { ByteRange } from './byte-range.js';

export interface BlobSegment {
  readonly blobId: string;
  /** The whole blob when undefined. */
  readonly range?: ByteRange;
  /** Set when the blob is stored encrypted (SSE-KMS): it is read as plaintext. */
  readonly cipher?: BodyCipher | undefined;
}

export interface CopiedBlob {
  readonly blobId: string;
  readonly size: number;
  readonly md5: Buffer;
  /** Base64 digest in `algorithm`, when one was asked for. */
  readonly checksum: string | undefined;
}

/** `cipher` encrypts the new blob (SSE-KMS); its MD5 and checksum are the plaintext's either way. */
export async function copyBlobs(
  blobs: BlobStore,
  segments: readonly BlobSegment[],
  algorithm: AmzChecksumAlgorithm | undefined,
  cipher?: BodyCipher,
): Promise<CopiedBlob> {
  const md5 = createHash('md5');
  const checksum = algorithm === undefined ? undefined : createChecksum(algorithm);
  async function* concatenated(): AsyncGenerator<Buffer> {
    for (const segment of segments) {
      // An empty range (a zero-byte part) has nothing to read.
      if (segment.range !== undefined && segment.range.end < segment.range.start) continue;
      const stored = await blobs.openRead(segment.blobId, segment.range);
      const stream = decryptBody(stored, segment.cipher, segment.range?.start ?? 0) as Readable;
      for await (const chunk of stream) yield chunk as Buffer;
    }
  }
  const written = await writeBody(
    blobs,
    concatenated(),
    (chunk) => {
      md5.update(chunk);
      checksum?.update(chunk);
    },
    cipher,
  );
  return {
    blobId: written.id,
    size: written.size,
    md5: md5.digest(),
    checksum: checksum?.digest().toString('base64'),
  };
}
