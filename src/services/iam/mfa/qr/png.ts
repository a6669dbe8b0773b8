// Renders a QR code symbol as a 1-bit greyscale PNG with the four-module quiet zone the standard asks for.
import { deflateSync } from 'node:zlib';
import { crc32 } from '../../../../core/checksums/index.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const QUIET_ZONE = 4;

export function qrPng(modules: readonly (readonly boolean[])[], scale = 6): Buffer {
  const width = (modules.length + QUIET_ZONE * 2) * scale;
  const rowBytes = Math.ceil(width / 8);
  const raw = Buffer.alloc((rowBytes + 1) * width, 0);
  for (let py = 0; py < width; py++) {
    const row = py * (rowBytes + 1);
    // Filter type 0 (none), then the pixels with 1 meaning white in 1-bit greyscale.
    for (let px = 0; px < width; px++) {
      const mx = Math.floor(px / scale) - QUIET_ZONE;
      const my = Math.floor(py / scale) - QUIET_ZONE;
      const dark = modules[my]?.[mx] === true;
      if (!dark) raw[row + 1 + (px >>> 3)]! |= 0x80 >>> (px & 7);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header[8] = 1;
  header[9] = 0;
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}
