import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AMZ_CHECKSUM_ALGORITHMS, createChecksum } from './checksum.js';
import { type OffloadedChecksum, offloadChecksum } from './offloaded-checksum.js';

// More than the batches that may wait for the worker, in chunks that straddle batch boundaries.
const BODY = randomBytes(6 * 1024 * 1024 + 4321);
const CHUNK = 65_537;

function inline(algorithm: (typeof AMZ_CHECKSUM_ALGORITHMS)[number], body: Buffer): Buffer {
  const checksum = createChecksum(algorithm);
  checksum.update(body);
  return checksum.digest();
}

function started(algorithm: (typeof AMZ_CHECKSUM_ALGORITHMS)[number]): OffloadedChecksum {
  const checksum = offloadChecksum(algorithm);
  // The worker is tsc's output: `npm test` builds before it runs the tests.
  if (checksum === undefined) throw new Error('the checksum worker is unavailable: run `npm run build` first');
  return checksum;
}

async function feed(checksum: OffloadedChecksum, body: Buffer): Promise<number> {
  let waits = 0;
  for (let offset = 0; offset < body.length; offset += CHUNK) {
    const held = checksum.update(body.subarray(offset, offset + CHUNK));
    if (held !== undefined) {
      waits++;
      await held;
    }
  }
  return waits;
}

describe('offloadChecksum', () => {
  it.each(AMZ_CHECKSUM_ALGORITHMS)('computes %s on the worker exactly as inline', async (algorithm) => {
    const checksum = started(algorithm);
    await feed(checksum, BODY);
    expect((await checksum.digest()).equals(inline(algorithm, BODY))).toBe(true);
  });

  it('holds the sender back once too many bytes wait for the worker', async () => {
    const checksum = started('CRC64NVME');
    const held = checksum.update(BODY);
    expect(held).toBeInstanceOf(Promise);
    await held;
    expect((await checksum.digest()).equals(inline('CRC64NVME', BODY))).toBe(true);
  });

  it('keeps concurrent bodies apart, and a cancelled one does not disturb the others', async () => {
    const other = randomBytes(3 * 1024 * 1024 + 17);
    const first = started('CRC64NVME');
    const second = started('SHA256');
    const cancelled = started('CRC64NVME');
    await Promise.all([feed(first, BODY), feed(second, other), feed(cancelled, other)]);
    cancelled.cancel();
    const [a, b] = await Promise.all([first.digest(), second.digest()]);
    expect(a.equals(inline('CRC64NVME', BODY))).toBe(true);
    expect(b.equals(inline('SHA256', other))).toBe(true);
  });

  it('digests an empty body, and refuses bytes after the digest', async () => {
    const checksum = started('CRC32');
    expect((await checksum.digest()).equals(inline('CRC32', Buffer.alloc(0)))).toBe(true);
    expect(() => checksum.update(Buffer.from('late'))).toThrow('after digest');
  });
});
