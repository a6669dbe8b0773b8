// CRC32 (IEEE, the `x-amz-checksum-crc32` algorithm): node:zlib's native crc32 where the runtime has
// it (Node >= 20.15), else the slicing-by-8 table engine.
import * as zlib from 'node:zlib';
import { makeCrc32Tables, updateCrc32 } from './crc32-tables.js';

const IEEE_REFLECTED = 0xedb88320;

type NativeCrc32 = (data: Uint8Array, value?: number) => number;

const native: NativeCrc32 | undefined = (zlib as { crc32?: NativeCrc32 }).crc32;
const tables = makeCrc32Tables(IEEE_REFLECTED);

/** Continues `crc` (0 for a fresh checksum) over `data`. */
export function crc32(data: Uint8Array, crc = 0): number {
  return native ? native(data, crc) : updateCrc32(tables, crc, data);
}

/** The table engine alone, so tests can hold it against the native implementation. */
export function crc32Portable(data: Uint8Array, crc = 0): number {
  return updateCrc32(tables, crc, data);
}
