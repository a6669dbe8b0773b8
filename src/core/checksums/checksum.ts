// One interface over every body checksum S3 speaks, so a body can be hashed in a single pass by
// several algorithms at once (the SDK's checksum, Content-MD5 and the ETag's MD5).
import { createHash, type Hash } from 'node:crypto';
import { crc32 } from './crc32.js';
import { crc32c } from './crc32c.js';
import { Crc64Nvme } from './crc64nvme.js';

export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256' | 'MD5';

/** The algorithms S3 accepts in `x-amz-checksum-*` headers and trailers (MD5 travels as Content-MD5). */
export type AmzChecksumAlgorithm = Exclude<ChecksumAlgorithm, 'MD5'>;

export const AMZ_CHECKSUM_ALGORITHMS: readonly AmzChecksumAlgorithm[] = [
  'CRC32',
  'CRC32C',
  'CRC64NVME',
  'SHA1',
  'SHA256',
];

/** Raw digest sizes in bytes; a base64 value of any other decoded length is malformed. */
export const DIGEST_BYTES: Readonly<Record<ChecksumAlgorithm, number>> = {
  CRC32: 4,
  CRC32C: 4,
  CRC64NVME: 8,
  SHA1: 20,
  SHA256: 32,
  MD5: 16,
};

export interface Checksum {
  readonly algorithm: ChecksumAlgorithm;
  update(data: Uint8Array): void;
  /** Raw digest (CRCs big-endian). Calling it again returns the same bytes; update() after it throws. */
  digest(): Buffer;
}

export function createChecksum(algorithm: ChecksumAlgorithm): Checksum {
  switch (algorithm) {
    case 'CRC32':
      return new Crc32Checksum(algorithm, crc32);
    case 'CRC32C':
      return new Crc32Checksum(algorithm, crc32c);
    case 'CRC64NVME':
      return new Crc64Checksum();
    case 'SHA1':
      return new HashChecksum(algorithm, 'sha1');
    case 'SHA256':
      return new HashChecksum(algorithm, 'sha256');
    case 'MD5':
      return new HashChecksum(algorithm, 'md5');
  }
}

/** Digest of a whole buffer, base64-encoded the way `x-amz-checksum-*` headers carry it. */
export function checksumBase64(algorithm: ChecksumAlgorithm, data: Uint8Array): string {
  const checksum = createChecksum(algorithm);
  checksum.update(data);
  return checksum.digest().toString('base64');
}

/** Several checksums fed by one pass over the body. */
export class ChecksumSet {
  private readonly checksums: Map<ChecksumAlgorithm, Checksum>;

  constructor(algorithms: Iterable<ChecksumAlgorithm>) {
    this.checksums = new Map();
    for (const algorithm of algorithms) this.checksums.set(algorithm, createChecksum(algorithm));
  }

  update(data: Uint8Array): void {
    for (const checksum of this.checksums.values()) checksum.update(data);
  }

  has(algorithm: ChecksumAlgorithm): boolean {
    return this.checksums.has(algorithm);
  }

  digest(algorithm: ChecksumAlgorithm): Buffer {
    const checksum = this.checksums.get(algorithm);
    if (!checksum) throw new Error(`checksum ${algorithm} was not computed for this body`);
    return checksum.digest();
  }

  base64(algorithm: ChecksumAlgorithm): string {
    return this.digest(algorithm).toString('base64');
  }
}

class Crc32Checksum implements Checksum {
  private crc = 0;
  private result: Buffer | undefined;

  constructor(
    readonly algorithm: ChecksumAlgorithm,
    private readonly step: (data: Uint8Array, crc: number) => number,
  ) {}

  update(data: Uint8Array): void {
    if (this.result) throw new Error(`${this.algorithm} checksum already digested`);
    this.crc = this.step(data, this.crc);
  }

  digest(): Buffer {
    if (!this.result) {
      this.result = Buffer.allocUnsafe(4);
      this.result.writeUInt32BE(this.crc, 0);
    }
    return this.result;
  }
}

class Crc64Checksum implements Checksum {
  readonly algorithm = 'CRC64NVME';
  private readonly crc = new Crc64Nvme();
  private result: Buffer | undefined;

  update(data: Uint8Array): void {
    if (this.result) throw new Error('CRC64NVME checksum already digested');
    this.crc.update(data);
  }

  digest(): Buffer {
    this.result ??= this.crc.digest();
    return this.result;
  }
}

class HashChecksum implements Checksum {
  private readonly hash: Hash;
  private result: Buffer | undefined;

  constructor(
    readonly algorithm: ChecksumAlgorithm,
    nodeName: 'sha1' | 'sha256' | 'md5',
  ) {
    this.hash = createHash(nodeName);
  }

  update(data: Uint8Array): void {
    this.hash.update(data);
  }

  digest(): Buffer {
    this.result ??= this.hash.digest();
    return this.result;
  }
}
