// Encodes bytes as a QR code symbol (byte mode, error correction level M, the smallest version that fits, the mask
// with the lowest penalty), as ISO/IEC 18004 describes it. Virtual MFA devices show their otpauth:// URI this way.
import { QrGrid, rawDataModules } from './qr-layout.js';
import { errorCorrection } from './reed-solomon.js';

// Level M, indexed by version - 1 (ISO/IEC 18004 table 9).
const EC_CODEWORDS_PER_BLOCK = [
  10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28,
  28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
];
const EC_BLOCKS = [
  1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35,
  37, 38, 40, 43, 45, 47, 49,
];
/** The format information's bits for level M. */
const LEVEL_M_BITS = 0;

function dataCodewords(version: number): number {
  return Math.floor(rawDataModules(version) / 8) - EC_CODEWORDS_PER_BLOCK[version - 1]! * EC_BLOCKS[version - 1]!;
}

/** The symbol's modules, `true` for dark, rows top to bottom. Throws when the data exceeds version 40. */
export function encodeQr(data: Uint8Array): boolean[][] {
  let version = 1;
  const bitsNeeded = (v: number) => 4 + (v < 10 ? 8 : 16) + data.length * 8;
  while (version <= 40 && bitsNeeded(version) > dataCodewords(version) * 8) version++;
  if (version > 40) throw new Error(`${data.length} bytes do not fit in a QR code`);
  const codewords = interleave(version, dataBytes(version, data));
  const grid = new QrGrid(version);
  placeData(grid, codewords);
  let best: { mask: number; penalty: number } | undefined;
  for (let mask = 0; mask < 8; mask++) {
    applyMask(grid, mask);
    grid.drawFormatBits(LEVEL_M_BITS, mask);
    const score = penalty(grid.dark);
    if (best === undefined || score < best.penalty) best = { mask, penalty: score };
    applyMask(grid, mask);
  }
  applyMask(grid, best!.mask);
  grid.drawFormatBits(LEVEL_M_BITS, best!.mask);
  return grid.dark;
}

/** Mode indicator, character count, the bytes, terminator and padding, as data codewords. */
function dataBytes(version: number, data: Uint8Array): number[] {
  const capacity = dataCodewords(version) * 8;
  const bits: number[] = [];
  const append = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  append(0b0100, 4);
  append(data.length, version < 10 ? 8 : 16);
  for (const byte of data) append(byte, 8);
  append(0, Math.min(4, capacity - bits.length));
  append(0, (8 - (bits.length % 8)) % 8);
  for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) append(pad, 8);
  const bytes: number[] = [];
  for (let i = 0; i < bits.length; i += 8) bytes.push(bits.slice(i, i + 8).reduce((acc, b) => (acc << 1) | b, 0));
  return bytes;
}

/** Splits data into blocks, adds each block's error correction, and interleaves them column by column. */
function interleave(version: number, data: readonly number[]): number[] {
  const blockCount = EC_BLOCKS[version - 1]!;
  const ecLength = EC_CODEWORDS_PER_BLOCK[version - 1]!;
  const total = Math.floor(rawDataModules(version) / 8);
  const shortBlocks = blockCount - (total % blockCount);
  const shortData = Math.floor(total / blockCount) - ecLength;
  const blocks: { data: number[]; ec: number[] }[] = [];
  for (let i = 0, offset = 0; i < blockCount; i++) {
    const length = shortData + (i < shortBlocks ? 0 : 1);
    const part = data.slice(offset, offset + length);
    offset += length;
    blocks.push({ data: part, ec: errorCorrection(part, ecLength) });
  }
  const out: number[] = [];
  for (let i = 0; i <= shortData; i++) for (const b of blocks) if (i < b.data.length) out.push(b.data[i]!);
  for (let i = 0; i < ecLength; i++) for (const b of blocks) out.push(b.ec[i]!);
  return out;
}

/** Places codeword bits in the two-column zigzag from the bottom right corner, skipping function modules. */
function placeData(grid: QrGrid, codewords: readonly number[]): void {
  const size = grid.size;
  let bit = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vertical = 0; vertical < size; vertical++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const upward = ((right + 1) & 2) === 0;
        const y = upward ? size - 1 - vertical : vertical;
        if (grid.reserved[y]![x] || bit >= codewords.length * 8) continue;
        grid.dark[y]![x] = ((codewords[bit >>> 3]! >>> (7 - (bit & 7))) & 1) !== 0;
        bit++;
      }
    }
  }
}

const MASKS: readonly ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** XORs the mask over the data modules (applying it twice restores the symbol). */
function applyMask(grid: QrGrid, mask: number): void {
  const condition = MASKS[mask]!;
  for (let y = 0; y < grid.size; y++) {
    for (let x = 0; x < grid.size; x++) {
      if (!grid.reserved[y]![x] && condition(x, y)) grid.dark[y]![x] = !grid.dark[y]![x];
    }
  }
}

const FINDER_LIKE = [
  [true, false, true, true, true, false, true, false, false, false, false],
  [false, false, false, false, true, false, true, true, true, false, true],
];

/** The standard's four penalty rules: long runs, 2x2 blocks, finder-like patterns and dark/light imbalance. */
function penalty(dark: readonly (readonly boolean[])[]): number {
  const size = dark.length;
  const at = (x: number, y: number, vertical: boolean) => (vertical ? dark[x]![y]! : dark[y]![x]!);
  let score = 0;
  let darkCount = 0;
  for (const vertical of [false, true]) {
    for (let y = 0; y < size; y++) {
      let run = 0;
      for (let x = 0; x < size; x++) {
        run = x > 0 && at(x, y, vertical) === at(x - 1, y, vertical) ? run + 1 : 1;
        if (run === 5) score += 3;
        else if (run > 5) score += 1;
        for (const pattern of FINDER_LIKE) {
          if (x + pattern.length <= size && pattern.every((p, i) => at(x + i, y, vertical) === p)) score += 40;
        }
      }
    }
  }
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (dark[y]![x]) darkCount++;
      if (x + 1 < size && y + 1 < size) {
        const c = dark[y]![x];
        if (c === dark[y]![x + 1] && c === dark[y + 1]![x] && c === dark[y + 1]![x + 1]) score += 3;
      }
    }
  }
  const total = size * size;
  return score + Math.floor(Math.abs(darkCount * 20 - total * 10) / total) * 10;
}
