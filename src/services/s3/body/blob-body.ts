// An object's bytes as a response body: small ones read into one buffer, larger ones streamed from the blob file with
// flat memory. A presigned GET of a small object is the hot path: one synchronous read of a file the page cache
// holds costs a few system calls, where an asynchronous open/read/close costs three thread-pool round trips.
import { closeSync, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { blobPath } from '../../../storage/blob-layout.js';
import type { BlobStore } from '../../../storage/blobs.js';
import type { ByteRange } from './byte-range.js';

/** Bodies up to this size are read at once; a bound, so memory per request stays small and flat. */
const BUFFERED_LIMIT = 64 * 1024;

export async function openBlobBody(blobs: BlobStore, blobId: string, range: ByteRange): Promise<Buffer | Readable> {
  const length = range.end - range.start + 1;
  if (length <= 0) return Buffer.alloc(0);
  if (length > BUFFERED_LIMIT) return blobs.openRead(blobId, range);
  const fd = openSync(blobPath(blobs.root, blobId), 'r');
  try {
    const buffer = Buffer.allocUnsafe(length);
    let filled = 0;
    while (filled < length) {
      const read = readSync(fd, buffer, filled, length - filled, range.start + filled);
      if (read === 0) break;
      filled += read;
    }
    return filled === length ? buffer : buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

/** Whether an error means the blob file is gone (the version was replaced between lookup and open). */
export function isMissingBlob(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
