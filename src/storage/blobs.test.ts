import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blobPath } from './blob-layout.js';
import { type BlobStore, openBlobStore, SMALL_BLOB_LIMIT } from './blobs.js';

const BODY = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) % 251));

async function* chunksOf(body: Buffer, size = 64 * 1024): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < body.length; offset += size) yield body.subarray(offset, offset + size);
}

async function readAll(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('BlobStore on disk', () => {
  let dir: string;
  let blobs: BlobStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'xacct-blobs-test-'));
    blobs = openBlobStore({ dir: join(dir, 'blobs') });
  });

  afterEach(() => {
    blobs.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function tempFiles(): string[] {
    return readdirSync(join(blobs.root, 'tmp'));
  }

  it('round-trips a streamed body into a fanned-out file', async () => {
    const { id, size } = await blobs.write(chunksOf(BODY));
    expect(size).toBe(BODY.length);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(existsSync(join(blobs.root, id.slice(0, 2), id.slice(2, 4), id))).toBe(true);
    expect(await blobs.exists(id)).toBe(true);
    expect((await readAll(await blobs.openRead(id))).equals(BODY)).toBe(true);
    expect(tempFiles()).toEqual([]);
  });

  it('reads inclusive byte ranges', async () => {
    const { id } = await blobs.write(chunksOf(BODY));
    expect(await readAll(await blobs.openRead(id, { start: 10, end: 19 }))).toEqual(BODY.subarray(10, 20));
    expect(await readAll(await blobs.openRead(id, { start: 5, end: 5 }))).toEqual(BODY.subarray(5, 6));
    const tail = await readAll(await blobs.openRead(id, { start: 200_000, end: BODY.length - 1 }));
    expect(tail.equals(BODY.subarray(200_000))).toBe(true);
    const past = await readAll(await blobs.openRead(id, { start: BODY.length - 2, end: BODY.length + 100 }));
    expect(past).toEqual(BODY.subarray(BODY.length - 2));
  });

  it('rejects malformed ranges', async () => {
    const { id } = await blobs.write(chunksOf(BODY));
    await expect(blobs.openRead(id, { start: 5, end: 4 })).rejects.toThrow('invalid blob range 5-4');
    await expect(blobs.openRead(id, { start: -1, end: 4 })).rejects.toThrow('invalid blob range');
    await expect(blobs.openRead(id, { start: 0.5, end: 4 })).rejects.toThrow('invalid blob range');
  });

  it('accepts a Node readable stream and an empty body', async () => {
    const fromStream = await blobs.write(Readable.from(chunksOf(BODY)));
    expect((await readAll(await blobs.openRead(fromStream.id))).equals(BODY)).toBe(true);
    const empty = await blobs.write(Readable.from([]));
    expect(empty.size).toBe(0);
    expect((await readAll(await blobs.openRead(empty.id))).length).toBe(0);
  });

  it('shows every chunk to the tap, in order, so callers hash in the same pass', async () => {
    const hash = createHash('sha256');
    let calls = 0;
    await blobs.write(chunksOf(BODY, 1000), {
      onChunk: (chunk) => {
        calls++;
        hash.update(chunk);
      },
    });
    expect(calls).toBe(Math.ceil(BODY.length / 1000));
    expect(hash.digest('hex')).toBe(createHash('sha256').update(BODY).digest('hex'));
  });

  it('leaves nothing behind when the source fails mid-body', async () => {
    async function* failing(): AsyncGenerator<Buffer> {
      yield BODY.subarray(0, 1000);
      throw new Error('client went away');
    }
    await expect(blobs.write(failing())).rejects.toThrow('client went away');
    await expect(blobs.write(Readable.from(['text']))).rejects.toThrow('must yield Buffers');
    expect(tempFiles()).toEqual([]);
    expect(await blobs.sweepOrphans(() => false)).toEqual({ tempFiles: 0, orphans: 0 });
  });

  it('deletes idempotently, and openRead of a missing blob rejects with ENOENT', async () => {
    const { id } = await blobs.write(chunksOf(BODY));
    await blobs.delete(id);
    await blobs.delete(id);
    expect(await blobs.exists(id)).toBe(false);
    await expect(blobs.openRead(id)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses ids that are not blob ids, so no path can escape the store', async () => {
    await expect(blobs.openRead('../../etc/passwd')).rejects.toThrow("not a blob id: '../../etc/passwd'");
    await expect(blobs.delete('ABCDEF')).rejects.toThrow('not a blob id');
  });

  it('sweeps temp files and unreferenced blobs, keeping referenced ones and foreign files', async () => {
    const kept = await blobs.write(chunksOf(BODY));
    const orphan = await blobs.write(chunksOf(BODY));
    writeFileSync(join(blobs.root, 'tmp', 'deadbeef'), 'partial');
    const foreign = join(blobs.root, 'README');
    writeFileSync(foreign, 'not a blob');
    const result = await blobs.sweepOrphans((id) => id === kept.id);
    expect(result).toEqual({ tempFiles: 1, orphans: 1 });
    expect(await blobs.exists(kept.id)).toBe(true);
    expect(await blobs.exists(orphan.id)).toBe(false);
    expect(existsSync(foreign)).toBe(true);
    expect(tempFiles()).toEqual([]);
  });

  it('spares a write that is under way when the sweep starts', async () => {
    const gate = deferred();
    const reached = deferred();
    // Larger than a small blob, so the body is streamed to a temp file while the source is still open.
    const body = Buffer.alloc(SMALL_BLOB_LIMIT + 1000, 'b');
    async function* slow(): AsyncGenerator<Buffer> {
      yield body.subarray(0, SMALL_BLOB_LIMIT + 1);
      reached.resolve();
      await gate.promise;
      yield body.subarray(SMALL_BLOB_LIMIT + 1);
    }
    const writing = blobs.write(slow());
    await reached.promise;
    expect(tempFiles()).toHaveLength(1);
    expect(await blobs.sweepOrphans(() => false)).toEqual({ tempFiles: 0, orphans: 0 });
    gate.resolve();
    const { id, size } = await writing;
    expect(size).toBe(body.length);
    expect((await readAll(await blobs.openRead(id))).equals(body)).toBe(true);
  });

  it('runs one sweep at a time', async () => {
    const first = blobs.sweepOrphans(() => true);
    await expect(blobs.sweepOrphans(() => true)).rejects.toThrow('a blob sweep is already running');
    await first;
  });

  it('keeps its blobs when reopened', async () => {
    const { id } = await blobs.write(chunksOf(BODY));
    const again = openBlobStore({ dir: blobs.root });
    expect((await readAll(await again.openRead(id))).equals(BODY)).toBe(true);
  });
});

describe('BlobStore in memory mode', () => {
  it('writes under a fresh OS temp directory that close() removes', async () => {
    const blobs = openBlobStore({ memory: true });
    try {
      expect(blobs.root.startsWith(tmpdir())).toBe(true);
      const { id } = await blobs.write(chunksOf(BODY));
      expect((await readAll(await blobs.openRead(id, { start: 1, end: 3 }))).equals(BODY.subarray(1, 4))).toBe(true);
      expect(existsSync(blobPath(blobs.root, id))).toBe(true);
    } finally {
      blobs.close();
    }
    expect(existsSync(blobs.root)).toBe(false);
  });

  it('writes small bodies whole, shows each chunk to the tap, and serves them from the small-blob cache', async () => {
    const blobs = openBlobStore({ memory: true });
    try {
      const small = BODY.subarray(0, 5000);
      const seen: Buffer[] = [];
      const { id, size } = await blobs.write(chunksOf(small, 1000), {
        onChunk: (c) => {
          seen.push(c);
        },
      });
      expect(size).toBe(5000);
      expect(Buffer.concat(seen).equals(small)).toBe(true);
      expect(readFileSync(blobPath(blobs.root, id)).equals(small)).toBe(true);
      rmSync(blobPath(blobs.root, id));
      expect(blobs.readSmall(id, 5000).equals(small)).toBe(true);
      await blobs.delete(id);
      expect(() => blobs.readSmall(id, 5000)).toThrow(/ENOENT/);
    } finally {
      blobs.close();
    }
  });

  it('streams bodies past the small-blob limit to a file like a store on disk', async () => {
    const blobs = openBlobStore({ memory: true });
    try {
      const { id, size } = await blobs.write(chunksOf(BODY, 10_000));
      expect(size).toBe(BODY.length);
      expect((await readAll(await blobs.openRead(id))).equals(BODY)).toBe(true);
    } finally {
      blobs.close();
    }
  });

  it('gives each store its own directory', () => {
    const a = openBlobStore({ memory: true });
    const b = openBlobStore({ memory: true });
    try {
      expect(a.root).not.toBe(b.root);
      mkdirSync(join(a.root, 'marker'));
      expect(existsSync(join(b.root, 'marker'))).toBe(false);
    } finally {
      a.close();
      b.close();
    }
  });
});
