// CRC64NVME (the `x-amz-checksum-crc64nvme` algorithm): reflected CRC-64 with polynomial
// 0xad93d23594c93659, init and final xor all ones. The 64-bit register is kept as two 32-bit halves
// because BigInt arithmetic is far too slow for a per-byte loop; slicing-by-8 consumes 8 bytes a step.

const POLY_REFLECTED_HI = 0x9a6c9329;
const POLY_REFLECTED_LO = 0xac4bc9b5;

interface Tables {
  readonly hi: readonly Int32Array[];
  readonly lo: readonly Int32Array[];
}

function makeTables(): Tables {
  const hi = Array.from({ length: 8 }, () => new Int32Array(256));
  const lo = Array.from({ length: 8 }, () => new Int32Array(256));
  const hi0 = hi[0]!;
  const lo0 = lo[0]!;
  for (let n = 0; n < 256; n++) {
    let h = 0;
    let l = n;
    for (let k = 0; k < 8; k++) {
      const carry = l & 1;
      l = (l >>> 1) | (h << 31);
      h >>>= 1;
      if (carry) {
        h ^= POLY_REFLECTED_HI;
        l ^= POLY_REFLECTED_LO;
      }
    }
    hi0[n] = h;
    lo0[n] = l;
  }
  for (let s = 1; s < 8; s++) {
    for (let n = 0; n < 256; n++) {
      const ph = hi[s - 1]![n]!;
      const pl = lo[s - 1]![n]!;
      const index = pl & 0xff;
      hi[s]![n] = (ph >>> 8) ^ hi0[index]!;
      lo[s]![n] = ((pl >>> 8) | (ph << 24)) ^ lo0[index]!;
    }
  }
  return { hi, lo };
}

const TABLES = makeTables();

/** A running CRC64NVME. */
export class Crc64Nvme {
  // The register, already inverted (init = all ones).
  private hi = -1;
  private lo = -1;

  update(data: Uint8Array): void {
    const [h0, h1, h2, h3, h4, h5, h6, h7] = TABLES.hi as [
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
    ];
    const [l0, l1, l2, l3, l4, l5, l6, l7] = TABLES.lo as [
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
    ];
    let hi = this.hi;
    let lo = this.lo;
    let i = 0;
    const end8 = data.length - 8;
    while (i <= end8) {
      lo ^= data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
      hi ^= data[i + 4]! | (data[i + 5]! << 8) | (data[i + 6]! << 16) | (data[i + 7]! << 24);
      const a = lo & 0xff;
      const b = (lo >>> 8) & 0xff;
      const c = (lo >>> 16) & 0xff;
      const d = lo >>> 24;
      const e = hi & 0xff;
      const f = (hi >>> 8) & 0xff;
      const g = (hi >>> 16) & 0xff;
      const h = hi >>> 24;
      hi = h7[a]! ^ h6[b]! ^ h5[c]! ^ h4[d]! ^ h3[e]! ^ h2[f]! ^ h1[g]! ^ h0[h]!;
      lo = l7[a]! ^ l6[b]! ^ l5[c]! ^ l4[d]! ^ l3[e]! ^ l2[f]! ^ l1[g]! ^ l0[h]!;
      i += 8;
    }
    for (; i < data.length; i++) {
      const index = (lo ^ data[i]!) & 0xff;
      lo = ((lo >>> 8) | (hi << 24)) ^ l0[index]!;
      hi = (hi >>> 8) ^ h0[index]!;
    }
    this.hi = hi;
    this.lo = lo;
  }

  /** The 8-byte big-endian digest, as S3 base64-encodes it. */
  digest(): Buffer {
    const out = Buffer.allocUnsafe(8);
    out.writeUInt32BE(~this.hi >>> 0, 0);
    out.writeUInt32BE(~this.lo >>> 0, 4);
    return out;
  }
}
