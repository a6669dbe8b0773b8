// Facade of the body checksums: streaming CRC32/CRC32C/CRC64NVME/SHA1/SHA256/MD5 and their S3 wire form.

export { amzChecksumAlgorithmOf, amzChecksumHeader, isWellFormedChecksum, verifyAmzChecksum } from './amz-checksum.js';
export {
  AMZ_CHECKSUM_ALGORITHMS,
  type AmzChecksumAlgorithm,
  type Checksum,
  type ChecksumAlgorithm,
  ChecksumSet,
  checksumBase64,
  createChecksum,
  DIGEST_BYTES,
} from './checksum.js';
export { crc32 } from './crc32.js';
export { crc32c } from './crc32c.js';
export { Crc64Nvme } from './crc64nvme.js';
