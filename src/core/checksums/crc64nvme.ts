// CRC64NVME (the `x-amz-checksum-crc64nvme` algorithm): reflected CRC-64 with polynomial
// 0xad93d23594c93659, init and final xor all ones. The 64-bit register is kept as two 32-bit halves
// because BigInt arithmetic is far too slow for a per-byte loop. Slicing-by-16 over 32-bit word loads
// consumes 16 bytes a step: S3 computes this checksum for every upload that names none, so it is on the
// path of every large PUT.

const POLY_REFLECTED_HI = 0x9a6c9329;
const POLY_REFLECTED_LO = 0xac4bc9b5;
const SLICES = 16;

/** Table `s` (entries s*256 .. s*256+255) advances a byte that is followed by `s` more bytes of the step. */
function makeTables(): { readonly hi: Int32Array; readonly lo: Int32Array } {
  const hi = new Int32Array(SLICES * 256);
  const lo = new Int32Array(SLICES * 256);
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
    hi[n] = h;
    lo[n] = l;
  }
  for (let at = 256; at < SLICES * 256; at++) {
    const ph = hi[at - 256]!;
    const pl = lo[at - 256]!;
    const index = pl & 0xff;
    hi[at] = (ph >>> 8) ^ hi[index]!;
    lo[at] = ((pl >>> 8) | (ph << 24)) ^ lo[index]!;
  }
  return { hi, lo };
}

const { hi: HI, lo: LO } = makeTables();
/** Word loads read bytes in memory order only on a little-endian machine; elsewhere every byte goes one at a time. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A running CRC64NVME. */
export class Crc64Nvme {
  // The register, already inverted (init = all ones).
  private hi = -1;
  private lo = -1;

  update(data: Uint8Array): void {
    let hi = this.hi;
    let lo = this.lo;
    let i = 0;
    const n = data.length;
    // Bytes one at a time up to a 4-byte boundary, so the rest can be read as aligned 32-bit words.
    const aligned = LITTLE_ENDIAN ? Math.min(n, (4 - (data.byteOffset & 3)) & 3) : n;
    for (; i < aligned; i++) {
      const index = (lo ^ data[i]!) & 0xff;
      lo = ((lo >>> 8) | (hi << 24)) ^ LO[index]!;
      hi = (hi >>> 8) ^ HI[index]!;
    }
    if (i < n) {
      const words = new Int32Array(data.buffer, data.byteOffset + i, (n - i) >>> 2);
      let w = 0;
      for (const end = words.length - 3; w < end; w += 4) {
        const a = lo ^ words[w]!;
        const b = hi ^ words[w + 1]!;
        const c = words[w + 2]!;
        const d = words[w + 3]!;
        hi =
          HI[3840 + (a & 0xff)]! ^
          HI[3584 + ((a >>> 8) & 0xff)]! ^
          HI[3328 + ((a >>> 16) & 0xff)]! ^
          HI[3072 + (a >>> 24)]! ^
          HI[2816 + (b & 0xff)]! ^
          HI[2560 + ((b >>> 8) & 0xff)]! ^
          HI[2304 + ((b >>> 16) & 0xff)]! ^
          HI[2048 + (b >>> 24)]! ^
          HI[1792 + (c & 0xff)]! ^
          HI[1536 + ((c >>> 8) & 0xff)]! ^
          HI[1280 + ((c >>> 16) & 0xff)]! ^
          HI[1024 + (c >>> 24)]! ^
          HI[768 + (d & 0xff)]! ^
          HI[512 + ((d >>> 8) & 0xff)]! ^
          HI[256 + ((d >>> 16) & 0xff)]! ^
          HI[d >>> 24]!;
        lo =
          LO[3840 + (a & 0xff)]! ^
          LO[3584 + ((a >>> 8) & 0xff)]! ^
          LO[3328 + ((a >>> 16) & 0xff)]! ^
          LO[3072 + (a >>> 24)]! ^
          LO[2816 + (b & 0xff)]! ^
          LO[2560 + ((b >>> 8) & 0xff)]! ^
          LO[2304 + ((b >>> 16) & 0xff)]! ^
          LO[2048 + (b >>> 24)]! ^
          LO[1792 + (c & 0xff)]! ^
          LO[1536 + ((c >>> 8) & 0xff)]! ^
          LO[1280 + ((c >>> 16) & 0xff)]! ^
          LO[1024 + (c >>> 24)]! ^
          LO[768 + (d & 0xff)]! ^
          LO[512 + ((d >>> 8) & 0xff)]! ^
          LO[256 + ((d >>> 16) & 0xff)]! ^
          LO[d >>> 24]!;
      }
      i += w * 4;
    }
    for (; i < n; i++) {
      const index = (lo ^ data[i]!) & 0xff;
      lo = ((lo >>> 8) | (hi << 24)) ^ LO[index]!;
      hi = (hi >>> 8) ^ HI[index]!;
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
