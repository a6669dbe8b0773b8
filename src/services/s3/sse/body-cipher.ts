// The encryption of SSE-KMS object bodies at rest: AES-256-CTR under the object's data key. CTR keeps every
// ciphertext byte at its plaintext offset, so ranged GETs, part reads and copy ranges read only the bytes they need
// and decrypt them from the counter at that offset; sizes, ETags and checksums stay those of the plaintext.
import { type Cipher, createCipheriv, createHmac } from 'node:crypto';
import { Readable } from 'node:stream';
import { pooledRandomBytes } from '../../../core/random-pool.js';
import type { BlobSource, BlobStore, BlobWriteResult, ChunkObserver } from '../../../storage/blobs.js';

export interface BodyCipher {
  /** 32 bytes. */
  readonly key: Buffer;
  /** The 16-byte initial counter block of byte 0. */
  readonly iv: Buffer;
}

const BLOCK = 16;

export function newIv(): Buffer {
  return pooledRandomBytes(BLOCK);
}

/**
 * An object's own key under an S3 Bucket Key: objects share the bucket key, never a keystream, because each derives
 * its key from its own random counter block.
 */
export function deriveObjectKey(bucketKey: Buffer, iv: Buffer): Buffer {
  return createHmac('sha256', bucketKey).update('xacct s3 bucket-key object').update(iv).digest();
}

/** The keystream positioned at byte `offset`: the counter advanced by whole blocks, then the rest skipped. */
function cipherAt(cipher: BodyCipher, offset: number): Cipher {
  const counter = Buffer.from(cipher.iv);
  // OpenSSL's CTR increments the whole 128-bit block big-endian, so the block index is added the same way.
  let carry = Math.floor(offset / BLOCK);
  for (let i = BLOCK - 1; i >= 0 && carry > 0; i--) {
    const sum = counter[i]! + (carry % 256);
    counter[i] = sum % 256;
    carry = Math.floor(carry / 256) + Math.floor(sum / 256);
  }
  const aes = createCipheriv('aes-256-ctr', cipher.key, counter);
  const skip = offset % BLOCK;
  if (skip > 0) aes.update(Buffer.alloc(skip));
  return aes;
}

/** Encrypts (or, CTR being symmetric, decrypts) bytes that sit at `offset` of the body. */
export function transformBytes(bytes: Buffer, cipher: BodyCipher, offset: number): Buffer {
  return cipherAt(cipher, offset).update(bytes);
}

async function* transformed(
  source: AsyncIterable<Buffer | string>,
  cipher: BodyCipher,
  offset: number,
  onPlain?: ChunkObserver,
): AsyncGenerator<Buffer> {
  const aes = cipherAt(cipher, offset);
  for await (const chunk of source) {
    if (typeof chunk === 'string') throw new Error('an object body must yield Buffers, not strings');
    const held = onPlain?.(chunk);
    if (held !== undefined) await held;
    yield aes.update(chunk);
  }
}

/**
 * Writes a body into a new blob, encrypted when `cipher` is given. `onPlain` sees the plaintext either way, so the
 * MD5 and checksums the caller computes describe the object, not its ciphertext.
 */
export function writeBody(
  blobs: BlobStore,
  source: BlobSource,
  onPlain: ChunkObserver,
  cipher: BodyCipher | undefined,
): Promise<BlobWriteResult> {
  if (cipher === undefined) return blobs.write(source, { onChunk: onPlain });
  return blobs.write(transformed(source as AsyncIterable<Buffer>, cipher, 0, onPlain));
}

/** The plaintext of a stored range that starts at `offset`; a body read unencrypted passes through. */
export function decryptBody(
  body: Buffer | Readable,
  cipher: BodyCipher | undefined,
  offset: number,
): Buffer | Readable {
  if (cipher === undefined) return body;
  if (Buffer.isBuffer(body)) return transformBytes(body, cipher, offset);
  return Readable.from(transformed(body, cipher, offset));
}
