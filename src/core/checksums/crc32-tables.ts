// Slicing-by-8 engine for reflected 32-bit CRCs (CRC32, CRC32C): eight 256-entry tables let the
// inner loop consume 8 bytes per iteration, which is what makes a pure TypeScript CRC fast enough.

/** Eight lookup tables for one reflected polynomial; table k advances a byte through k extra zero bytes. */
export type Crc32Tables = readonly [
  Int32Array,
  Int32Array,
  Int32Array,
  Int32Array,
  Int32Array,
  Int32Array,
  Int32Array,
  Int32Array,
];

export function makeCrc32Tables(reflectedPolynomial: number): Crc32Tables {
  const tables = Array.from({ length: 8 }, () => new Int32Array(256)) as unknown as Crc32Tables;
  const base = tables[0];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ reflectedPolynomial : c >>> 1;
    base[n] = c;
  }
  for (let s = 1; s < 8; s++) {
    const previous = tables[s - 1]!;
    const current = tables[s]!;
    for (let n = 0; n < 256; n++) {
      const p = previous[n]!;
      current[n] = (p >>> 8) ^ base[p & 0xff]!;
    }
  }
  return tables;
}

/** Continues a finalized CRC value (0 for a fresh one) over `data`, like zlib's `crc32(data, value)`. */
export function updateCrc32(tables: Crc32Tables, crc: number, data: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = tables;
  let c = ~crc;
  let i = 0;
  const end8 = data.length - 8;
  while (i <= end8) {
    c ^= data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    c =
      t7[c & 0xff]! ^
      t6[(c >>> 8) & 0xff]! ^
      t5[(c >>> 16) & 0xff]! ^
      t4[c >>> 24]! ^
      t3[data[i + 4]!]! ^
      t2[data[i + 5]!]! ^
      t1[data[i + 6]!]! ^
      t0[data[i + 7]!]!;
    i += 8;
  }
  for (; i < data.length; i++) c = t0[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
