// An object's bytes as a response body: small objects come whole from the blob store's small-body cache (a presigned
// GET of a small object is the hot path), larger ones are streamed from the blob file with flat memory.
import type { Readable } from 'node:stream';
import { type BlobStore, SMALL_BLOB_LIMIT } from '../../../storage/blobs.js';
import type { ByteRange } from './byte-range.js';

/** `blobSize` is the stored body's full size; `range` selects the bytes to return. */
export async function openBlobBody(
  blobs: BlobStore,
  blobId: string,
  blobSize: number,
  range: ByteRange,
): Promise<Buffer | Readable> {
  const length = range.end - range.start + 1;
  if (length <= 0) return Buffer.alloc(0);
  if (blobSize > SMALL_BLOB_LIMIT) return blobs.openRead(blobId, range);
  return blobs.readSmall(blobId, blobSize).subarray(range.start, range.end + 1);
}

/** Whether an error means the blob file is gone (the version was replaced between lookup and open). */
export function isMissingBlob(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
