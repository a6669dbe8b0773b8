// The wire side of S3's additional checksums: header names, well-formedness of a base64 value, and the
// errors S3 answers when a claimed checksum is malformed or does not match the body.
import { AwsError } from '../aws-error.js';
import { AMZ_CHECKSUM_ALGORITHMS, type AmzChecksumAlgorithm, DIGEST_BYTES } from './checksum.js';

const HEADER_PREFIX = 'x-amz-checksum-';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** `CRC32` -> `x-amz-checksum-crc32`. */
export function amzChecksumHeader(algorithm: AmzChecksumAlgorithm): string {
  return HEADER_PREFIX + algorithm.toLowerCase();
}

/** `x-amz-checksum-crc32c` (any case) -> `CRC32C`; undefined for any other name. */
export function amzChecksumAlgorithmOf(headerName: string): AmzChecksumAlgorithm | undefined {
  const lower = headerName.toLowerCase();
  if (!lower.startsWith(HEADER_PREFIX)) return undefined;
  const name = lower.slice(HEADER_PREFIX.length).toUpperCase();
  return AMZ_CHECKSUM_ALGORITHMS.find((algorithm) => algorithm === name);
}

/** True when `value` is canonical base64 of exactly the digest size of `algorithm`. */
export function isWellFormedChecksum(algorithm: AmzChecksumAlgorithm, value: string): boolean {
  if (value.length % 4 !== 0 || !BASE64.test(value)) return false;
  const decoded = Buffer.from(value, 'base64');
  return decoded.length === DIGEST_BYTES[algorithm] && decoded.toString('base64') === value;
}

/**
 * Checks a checksum the client claimed (in a header or an aws-chunked trailer) against the digest the
 * server computed over the decoded body.
 * @throws AwsError `InvalidRequest` when the claimed value is not a well-formed checksum,
 *   `BadDigest` when it does not match.
 */
export function verifyAmzChecksum(
  algorithm: AmzChecksumAlgorithm,
  claimed: string,
  computed: Uint8Array,
  location: 'header' | 'trailer',
): void {
  if (!isWellFormedChecksum(algorithm, claimed)) {
    const where = location === 'trailer' ? 'trailing header' : 'header';
    throw new AwsError('InvalidRequest', `Value for ${amzChecksumHeader(algorithm)} ${where} is invalid.`);
  }
  if (Buffer.from(claimed, 'base64').compare(computed) !== 0) {
    throw new AwsError('BadDigest', `The ${algorithm} you specified did not match the calculated checksum.`);
  }
}
