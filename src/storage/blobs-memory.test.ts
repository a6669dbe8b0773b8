import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BlobStore, openBlobStore } from './blobs.js';

const MiB = 1024 * 1024;
const TOTAL = 200 * MiB;
/** Far below the 200 MB body: the store may hold a few buffers in flight, never the body. */
const MAX_GROWTH = 64 * MiB;

/** Fresh, touched buffers, as a socket delivers them: a store that kept them would grow RSS by the whole body. */
async function* body(): AsyncGenerator<Buffer> {
  for (let sent = 0; sent < TOTAL; sent += MiB) yield Buffer.allocUnsafe(MiB).fill(sent / MiB);
}

describe('BlobStore memory use', () => {
  let dir: string;
  let blobs: BlobStore;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xacct-blobs-rss-test-'));
    blobs = openBlobStore({ dir });
  });

  afterAll(() => {
    blobs.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams a 200 MB body to disk and back with flat memory', async () => {
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sample = (): void => {
      peak = Math.max(peak, process.memoryUsage().rss);
    };
    const { id, size } = await blobs.write(body(), { onChunk: sample });
    expect(size).toBe(TOTAL);
    const writeGrowth = peak - baseline;

    let read = 0;
    let firstByteOfLastMiB = -1;
    for await (const chunk of await blobs.openRead(id)) {
      if (read <= TOTAL - MiB && read + chunk.length > TOTAL - MiB) firstByteOfLastMiB = chunk[TOTAL - MiB - read]!;
      read += chunk.length;
      sample();
    }
    expect(read).toBe(TOTAL);
    expect(firstByteOfLastMiB).toBe(199);
    expect(writeGrowth).toBeLessThan(MAX_GROWTH);
    expect(peak - baseline).toBeLessThan(MAX_GROWTH);
  });
});
