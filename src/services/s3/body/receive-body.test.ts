import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checksumBase64 } from '../../../core/checksums/index.js';
import { openStorage, type Storage } from '../../../storage/index.js';
import type { CallContext } from '../../types.js';
import { planBody } from './body-plan.js';
import { receiveBody } from './receive-body.js';

let storage: Storage;
beforeEach(() => {
  storage = openStorage({ memory: true });
});
afterEach(() => storage.close());

const UNSIGNED_TRAILER = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';

function call(headers: Record<string, string>, payloadHash = 'UNSIGNED-PAYLOAD'): CallContext {
  const streaming = payloadHash === UNSIGNED_TRAILER ? { mode: UNSIGNED_TRAILER } : undefined;
  return {
    http: { method: 'PUT', rawPath: '/b/k', query: [], headers },
    signature: { payloadHash, streaming },
    deps: { storage },
    now: 0,
  } as unknown as CallContext;
}

/** An aws-chunked body of one data chunk and a trailer, as SDKs send STREAMING-UNSIGNED-PAYLOAD-TRAILER. */
function chunked(data: string, trailer: string): Readable {
  const size = Buffer.byteLength(data).toString(16);
  return Readable.from([Buffer.from(`${size}\r\n${data}\r\n0\r\n${trailer}\r\n\r\n`)]);
}

function blobCount(): number {
  let count = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(`${dir}/${entry.name}`);
      else if (/^[0-9a-f]{32}$/.test(entry.name)) count++;
    }
  };
  walk(storage.blobs.root);
  return count;
}

async function receive(context: CallContext, body: Readable, maxSize = 1000) {
  return receiveBody(context, body, planBody(context), { maxSize, defaultChecksum: 'CRC64NVME' });
}

describe('receiveBody', () => {
  it('stores a plain body with its MD5 and the default checksum', async () => {
    const received = await receive(call({ 'content-length': '5' }), Readable.from([Buffer.from('hello')]));
    expect(received).toMatchObject({ size: 5, checksum: { algorithm: 'CRC64NVME', claimed: false } });
    expect(received.md5.toString('hex')).toBe(createHash('md5').update('hello').digest('hex'));
    expect(blobCount()).toBe(1);
  });

  it('refuses a body that does not match Content-MD5 or the signed SHA-256, keeping nothing', async () => {
    const wrongMd5 = call({ 'content-length': '5', 'content-md5': createHash('md5').update('x').digest('base64') });
    await expect(receive(wrongMd5, Readable.from([Buffer.from('hello')]))).rejects.toMatchObject({ code: 'BadDigest' });
    const wrongSha = call({ 'content-length': '5' }, createHash('sha256').update('x').digest('hex'));
    await expect(receive(wrongSha, Readable.from([Buffer.from('hello')]))).rejects.toMatchObject({
      code: 'XAmzContentSHA256Mismatch',
    });
    expect(blobCount()).toBe(0);
  });

  it('decodes aws-chunked bodies and checks the trailing checksum', async () => {
    const headers = {
      'x-amz-decoded-content-length': '5',
      'x-amz-trailer': 'x-amz-checksum-crc32',
      'content-encoding': 'aws-chunked',
    };
    const good = `x-amz-checksum-crc32:${checksumBase64('CRC32', Buffer.from('hello'))}`;
    const received = await receive(call(headers, UNSIGNED_TRAILER), chunked('hello', good));
    expect(received).toMatchObject({ size: 5, checksum: { algorithm: 'CRC32', claimed: true } });
    const bad = `x-amz-checksum-crc32:${checksumBase64('CRC32', Buffer.from('other'))}`;
    await expect(receive(call(headers, UNSIGNED_TRAILER), chunked('hello', bad))).rejects.toMatchObject({
      code: 'BadDigest',
      message: 'The CRC32 you specified did not match the calculated checksum.',
    });
    await expect(
      receive(call(headers, UNSIGNED_TRAILER), chunked('hello', 'x-amz-checksum-crc32:nope')),
    ).rejects.toMatchObject({
      code: 'InvalidRequest',
      message: 'Value for x-amz-checksum-crc32 trailing header is invalid.',
    });
    expect(blobCount()).toBe(1);
  });

  it('refuses a declared length over the limit before reading', async () => {
    await expect(receive(call({ 'content-length': '2000' }), Readable.from([]))).rejects.toMatchObject({
      code: 'EntityTooLarge',
      extra: { ProposedSize: '2000', MaxSizeAllowed: '1000' },
    });
  });
});

describe('planBody', () => {
  it('refuses malformed or conflicting claims with S3 errors', () => {
    expect(() => planBody(call({}))).toThrow(expect.objectContaining({ code: 'MissingContentLength', status: 411 }));
    expect(() => planBody(call({ 'content-length': '1', 'content-md5': 'short' }))).toThrow(
      expect.objectContaining({ code: 'InvalidDigest' }),
    );
    const both = { 'content-length': '1', 'x-amz-checksum-crc32': 'AAAAAA==', 'x-amz-checksum-sha1': 'x' };
    expect(() => planBody(call(both))).toThrow(expect.objectContaining({ code: 'InvalidRequest' }));
    expect(() => planBody(call({ 'content-length': '1', 'x-amz-sdk-checksum-algorithm': 'CRC32' }))).toThrow(
      expect.objectContaining({ message: expect.stringContaining('x-amz-sdk-checksum-algorithm specified') }),
    );
    expect(() => planBody(call({ 'content-length': '1', 'x-amz-checksum-crc32': 'AAAA' }))).toThrow(
      expect.objectContaining({ message: 'Value for x-amz-checksum-crc32 header is invalid.' }),
    );
  });
});
