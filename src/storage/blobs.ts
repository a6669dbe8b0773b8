// Object bodies as files: streamed writes that become visible only when complete and durable, ranged streamed reads,
// and the startup sweep that removes what a crash left behind.
import { closeSync, fsyncSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { blobIds, blobPath, newBlobId } from './blob-layout.js';
import { BlobReadStream } from './blob-read-stream.js';
import { createMemoryDir } from './memory-dir.js';
import { SmallBlobCache } from './small-blob-cache.js';

export type BlobSource = AsyncIterable<Buffer> | NodeJS.ReadableStream;

export interface BlobWriteOptions {
  /**
   * Sees every chunk, in order, before it is written: lets a caller hash the body in the same pass. A returned
   * promise holds the next chunk back until it settles (a hash on another thread that is behind).
   */
  readonly onChunk?: ChunkObserver;
}

export type ChunkObserver = (chunk: Buffer) => Promise<void> | undefined | void;

export interface BlobWriteResult {
  readonly id: string;
  readonly size: number;
}

/** Byte offsets, both inclusive, as in an HTTP `Range` header. */
export interface BlobRange {
  readonly start: number;
  readonly end: number;
}

export interface SweepResult {
  readonly tempFiles: number;
  readonly orphans: number;
}

export type BlobStoreOptions = { readonly dir: string } | { readonly memory: true };

/** Large enough that a 1 GiB body is a few thousand system calls, small enough to keep memory flat per stream. */
const WRITE_BUFFER = 1024 * 1024;
/** Blobs up to this size are read whole with synchronous calls and kept in the small-blob cache. */
export const SMALL_BLOB_LIMIT = 64 * 1024;
/** Memory for cached small bodies: hot small objects skip open/read/close, which cost the most on a presigned GET. */
const SMALL_BLOB_CACHE_BYTES = 16 * 1024 * 1024;

/**
 * Opens the store at `dir` (created if missing), or in a fresh scratch directory that `close()` removes. Memory mode
 * skips fsync: nothing in it outlives the process.
 */
export function openBlobStore(options: BlobStoreOptions): BlobStore {
  const durable = !('memory' in options);
  const root = resolve('memory' in options ? createMemoryDir() : options.dir);
  const tmpDir = join(root, 'tmp');
  const firstCreated = mkdirSync(tmpDir, { recursive: true });
  if (durable && firstCreated !== undefined) fsyncCreatedSync(tmpDir, firstCreated);
  return new BlobStore(root, durable);
}

export class BlobStore {
  readonly root: string;
  private readonly durable: boolean;
  private readonly tmpDir: string;
  /** Leaf directories known to exist with their entries durable in their parents. */
  private readonly readyDirs = new Set<string>();
  /** Ids whose write is under way: their temp file or fresh blob has no metadata row yet. */
  private readonly writing = new Set<string>();
  /** While a sweep runs, every id written since it started: the sweep must not take them for orphans. */
  private sweepGuard: Set<string> | undefined;
  private readonly smallBodies = new SmallBlobCache(SMALL_BLOB_CACHE_BYTES);

  /** Use `openBlobStore`, which creates the directories this expects. */
  constructor(root: string, durable: boolean) {
    this.root = root;
    this.durable = durable;
    this.tmpDir = join(root, 'tmp');
  }

  /**
   * Streams `source` into a new blob and returns its id once the body is complete and durable. Nothing is visible
   * under the id before that; if the source or the disk fails, nothing is left behind.
   */
  async write(source: BlobSource, options: BlobWriteOptions = {}): Promise<BlobWriteResult> {
    const id = newBlobId();
    const tempPath = join(this.tmpDir, id);
    this.writing.add(id);
    this.sweepGuard?.add(id);
    try {
      const chunks = (source as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
      const head = await readHead(chunks, SMALL_BLOB_LIMIT, options.onChunk);
      if (head.ended && !this.durable) {
        this.writeSmallSync(id, head.chunks);
        return { id, size: head.size };
      }
      const size = await this.writeTemp(tempPath, head, chunks, options.onChunk);
      await this.publish(tempPath, id);
      return { id, size };
    } catch (error) {
      await Promise.all([rm(tempPath, { force: true }), rm(blobPath(this.root, id), { force: true })]);
      throw error;
    } finally {
      this.writing.delete(id);
    }
  }

  /** A stream of the blob's bytes, or of `range` of them. Rejects (ENOENT) if there is no such blob. */
  async openRead(id: string, range?: BlobRange): Promise<BlobReadStream> {
    if (range !== undefined) assertRange(range);
    const handle = await open(blobPath(this.root, id), 'r');
    return new BlobReadStream(handle, range?.start ?? 0, range?.end ?? Number.MAX_SAFE_INTEGER);
  }

  /**
   * The whole body of a blob of `size` <= SMALL_BLOB_LIMIT bytes, from the cache or read synchronously: a file the page
   * cache holds costs a few system calls this way, where an asynchronous open/read/close costs three thread-pool round
   * trips. Throws ENOENT if there is no such blob. The buffer is shared: callers must not modify it.
   */
  readSmall(id: string, size: number): Buffer {
    if (size > SMALL_BLOB_LIMIT) throw new Error(`blob ${id} is too large for readSmall (${size} bytes)`);
    const cached = this.smallBodies.get(id);
    if (cached !== undefined) return cached;
    const fd = openSync(blobPath(this.root, id), 'r');
    try {
      const buffer = Buffer.allocUnsafe(size);
      let filled = 0;
      while (filled < size) {
        const read = readSync(fd, buffer, filled, size - filled, filled);
        if (read === 0) break;
        filled += read;
      }
      const body = filled === size ? buffer : buffer.subarray(0, filled);
      this.smallBodies.set(id, body);
      return body;
    } finally {
      closeSync(fd);
    }
  }

  async exists(id: string): Promise<boolean> {
    try {
      await stat(blobPath(this.root, id));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  /**
   * Removes the blob; a missing one is not an error. Delete the metadata row first: a crash in between then leaves
   * an orphan for the sweep, never a row without a body. No fsync: a deletion lost to power loss is such an orphan.
   */
  async delete(id: string): Promise<void> {
    this.smallBodies.delete(id);
    await rm(blobPath(this.root, id), { force: true });
  }

  /**
   * Deletes temp files and every blob `isReferenced` disowns: what a crash between rename and metadata commit left.
   * INVARIANT: it starts before the server accepts writes. Writes that begin while it runs are safe; a blob written
   * earlier whose row is not committed yet would be taken for an orphan.
   */
  async sweepOrphans(isReferenced: (id: string) => boolean): Promise<SweepResult> {
    if (this.sweepGuard !== undefined) throw new Error('a blob sweep is already running');
    const guard = new Set(this.writing);
    this.sweepGuard = guard;
    try {
      let tempFiles = 0;
      for (const name of await readdir(this.tmpDir)) {
        if (guard.has(name)) continue;
        await rm(join(this.tmpDir, name), { recursive: true, force: true });
        tempFiles++;
      }
      let orphans = 0;
      for await (const id of blobIds(this.root)) {
        if (guard.has(id) || isReferenced(id)) continue;
        await rm(blobPath(this.root, id), { force: true });
        orphans++;
      }
      return { tempFiles, orphans };
    } finally {
      this.sweepGuard = undefined;
    }
  }

  /** Removes a memory-mode store's directory; a store on disk keeps its files. */
  close(): void {
    if (!this.durable) rmSync(this.root, { recursive: true, force: true });
  }

  /**
   * A whole small body in a store that promises no durability (memory mode): a few synchronous system calls straight to
   * the final name instead of thread-pool round trips. Nothing sees the id before `write` returns, so no temp file is
   * needed; the body also goes into the small-blob cache, where the first GET finds it.
   */
  private writeSmallSync(id: string, chunks: readonly Buffer[]): void {
    const path = blobPath(this.root, id);
    const leaf = dirname(path);
    if (!this.readyDirs.has(leaf)) {
      mkdirSync(leaf, { recursive: true });
      this.readyDirs.add(leaf);
    }
    const fd = openSync(path, 'wx');
    try {
      for (const chunk of chunks) {
        for (let written = 0; written < chunk.length; ) written += writeSync(fd, chunk, written);
      }
    } finally {
      closeSync(fd);
    }
    this.smallBodies.set(id, Buffer.concat(chunks));
  }

  private async writeTemp(
    path: string,
    head: BodyHead,
    rest: AsyncIterator<Buffer | string>,
    onChunk?: ChunkObserver,
  ): Promise<number> {
    let size = head.size;
    async function* counted(): AsyncGenerator<Buffer> {
      yield* head.chunks;
      if (head.ended) return;
      // Wrapped so that an early stop (a failed write) returns the source's iterator, as `for await` does.
      for await (const value of { [Symbol.asyncIterator]: () => rest }) {
        const chunk = asBuffer(value);
        size += chunk.length;
        const held = onChunk?.(chunk);
        if (held !== undefined) await held;
        yield chunk;
      }
    }
    const handle = await open(path, 'wx');
    // The stream owns the handle: it fsyncs (`flush`) and closes it before `pipeline` settles, or closes it on error.
    // It queues chunks while a write is in flight and flushes them with one writev: few system calls, no copies, and
    // `pipeline` stops pulling from the source while the queue is full.
    await pipeline(counted(), handle.createWriteStream({ highWaterMark: WRITE_BUFFER, flush: this.durable }));
    return size;
  }

  /** Rename is atomic: the id names either nothing or the whole body. The fsyncs make the new name survive power loss. */
  private async publish(tempPath: string, id: string): Promise<void> {
    const finalPath = blobPath(this.root, id);
    const leaf = dirname(finalPath);
    await this.ensureDir(leaf);
    await rename(tempPath, finalPath);
    if (this.durable) await fsyncDir(leaf);
  }

  private async ensureDir(leaf: string): Promise<void> {
    if (this.readyDirs.has(leaf)) return;
    await mkdir(leaf, { recursive: true });
    if (this.durable) {
      // The leaf may be new: its entry, and its parent's, must be durable before a blob inside them is.
      await fsyncDir(dirname(leaf));
      await fsyncDir(this.root);
    }
    this.readyDirs.add(leaf);
  }
}

/** The first chunks of a body, up to just past `limit` bytes, or all of it when `ended`. */
interface BodyHead {
  readonly chunks: readonly Buffer[];
  readonly size: number;
  readonly ended: boolean;
}

async function readHead(
  source: AsyncIterator<Buffer | string>,
  limit: number,
  onChunk?: ChunkObserver,
): Promise<BodyHead> {
  const chunks: Buffer[] = [];
  let size = 0;
  while (size <= limit) {
    const next = await source.next();
    if (next.done === true) return { chunks, size, ended: true };
    const chunk = asBuffer(next.value);
    const held = onChunk?.(chunk);
    if (held !== undefined) await held;
    chunks.push(chunk);
    size += chunk.length;
  }
  return { chunks, size, ended: false };
}

function asBuffer(chunk: Buffer | string): Buffer {
  if (typeof chunk === 'string') throw new Error('a blob source must yield Buffers, not strings');
  return chunk;
}

/** Makes the entry of each directory `mkdir` just created durable in its parent, from `deepest` up to `firstCreated`. */
function fsyncCreatedSync(deepest: string, firstCreated: string): void {
  const stop = dirname(resolve(firstCreated));
  for (let dir = dirname(deepest); ; dir = dirname(dir)) {
    fsyncDirSync(dir);
    if (dir === stop || dir === dirname(dir)) return;
  }
}

function fsyncDirSync(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

async function fsyncDir(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function assertRange(range: BlobRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new Error(`invalid blob range ${start}-${end}`);
  }
}
