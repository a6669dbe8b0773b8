import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobReadStream } from './blob-read-stream.js';

// Several 512 KiB chunks and a partial one, so both buffers are reused more than once.
const BODY = randomBytes(5 * 512 * 1024 + 12_345);

/**
 * A sink that copies each chunk only when it acknowledges it, a little later: a buffer reused before its
 * acknowledgement would show up as corrupted bytes.
 */
function lateCopyingSink(): { sink: Writable; received: () => Buffer } {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      setTimeout(() => {
        parts.push(Buffer.from(chunk));
        callback();
      }, 2);
    },
  });
  return { sink, received: () => Buffer.concat(parts) };
}

describe('BlobReadStream', () => {
  let dir: string;
  let file: string;
  let handle: FileHandle;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xacct-blob-read-'));
    file = join(dir, 'blob');
    writeFileSync(file, BODY);
    handle = await open(file, 'r');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes every byte in order without reusing a buffer before the sink is done with it', async () => {
    const { sink, received } = lateCopyingSink();
    await expect(new BlobReadStream(handle, 0, Number.MAX_SAFE_INTEGER).writeTo(sink)).resolves.toBe(true);
    expect(received().equals(BODY)).toBe(true);
    expect(handle.fd).toBe(-1);
  });

  it('writes a range, and stops at the end of the file when the range goes past it', async () => {
    const { sink, received } = lateCopyingSink();
    await new BlobReadStream(handle, 600_000, 1_700_000).writeTo(sink);
    expect(received().equals(BODY.subarray(600_000, 1_700_001))).toBe(true);
    const tail = lateCopyingSink();
    await new BlobReadStream(await open(file, 'r'), BODY.length - 10, BODY.length + 5000).writeTo(tail.sink);
    expect(tail.received().equals(BODY.subarray(BODY.length - 10))).toBe(true);
  });

  it('stops and closes the file when the sink closes first', async () => {
    let writes = 0;
    const sink = new Writable({
      write(_chunk, _encoding, callback) {
        writes++;
        // Never acknowledges the second write: a client that went away leaves its writes pending.
        if (writes === 1) callback();
        else setTimeout(() => sink.destroy(), 5);
      },
    });
    await expect(new BlobReadStream(handle, 0, Number.MAX_SAFE_INTEGER).writeTo(sink)).resolves.toBe(false);
    expect(writes).toBeLessThanOrEqual(3);
    expect(handle.fd).toBe(-1);
  });

  it('stops without an unhandled rejection when a write fails', async () => {
    const sink = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('write ECONNRESET'), { code: 'ECONNRESET' }));
      },
    });
    sink.on('error', () => {});
    await expect(new BlobReadStream(handle, 0, Number.MAX_SAFE_INTEGER).writeTo(sink)).resolves.toBe(false);
    expect(handle.fd).toBe(-1);
  });

  it('reads as an ordinary stream, and refuses writeTo once read', async () => {
    const stream = new BlobReadStream(handle, 10, 1_000_009);
    const parts: Buffer[] = [];
    for await (const part of stream) parts.push(part as Buffer);
    expect(Buffer.concat(parts).equals(BODY.subarray(10, 1_000_010))).toBe(true);
    expect(handle.fd).toBe(-1);
    await expect(stream.writeTo(lateCopyingSink().sink)).rejects.toThrow('already read');
  });
});
