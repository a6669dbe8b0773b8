// CRC32C (Castagnoli, the `x-amz-checksum-crc32c` algorithm), table-driven.
import { makeCrc32Tables, updateCrc32 } from './crc32-tables.js';

const CASTAGNOLI_REFLECTED = 0x82f63b78;

const tables = makeCrc32Tables(CASTAGNOLI_REFLECTED);

/** Continues `crc` (0 for a fresh checksum) over `data`. */
export function crc32c(data: Uint8Array, crc = 0): number {
  return updateCrc32(tables, crc, data);
}
