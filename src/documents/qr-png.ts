import { deflateSync } from 'node:zlib';
import QRCode from 'qrcode';

/**
 * A QR code as a black-and-white PNG of one bit a pixel. qrcode's own `toBuffer` draws RGBA pixels
 * in JavaScript and has pngjs try all five row filters at deflate level 9 on them: 30 codes at
 * print size took seconds. A bilevel image needs none of that: its rows are packed 8 pixels a byte
 * and deflated once, in well under a millisecond, and the pixels are exactly those qrcode draws.
 */
export interface QrCode {
  /** Modules a side, without any quiet zone. */
  modules: number;
  /** The code drawn `width` pixels a side. */
  png: (width: number) => Buffer;
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, byte) => {
  let crc = byte;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * `text` as a QR code (error correction M, no quiet zone). A pixel takes the module under it as
 * qrcode's PNG renderer does (`floor(pixel / (width / modules))`), so a width that is not a
 * multiple of the module count gives the same uneven modules it gave.
 */
export function qrCode(text: string): QrCode {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  return { modules, png: (width) => bilevelPng(qr.modules.data, modules, width) };
}

function bilevelPng(dark: Uint8Array, modules: number, width: number): Buffer {
  const scale = width / modules;
  const moduleOf = Array.from({ length: width }, (_, pixel) => Math.floor(pixel / scale));
  const rowBytes = Math.ceil(width / 8);
  // Each row: its filter type, then the pixels, 1 = white (grey level 1 of 1), 0 = black. A row
  // that repeats the one above (most do: a module is many pixels high) is filter 2, "up", and all
  // zeros, which deflate passes over fastest.
  const raw = Buffer.alloc((rowBytes + 1) * width);
  for (let y = 0; y < width; y++) {
    const start = y * (rowBytes + 1);
    const moduleRow = moduleOf[y]!;
    if (y > 0 && moduleOf[y - 1] === moduleRow) {
      raw[start] = 2;
      continue;
    }
    const row = raw.subarray(start + 1, start + 1 + rowBytes);
    row.fill(0xff);
    for (let x = 0; x < width; x++) {
      if (dark[moduleRow * modules + moduleOf[x]!]) row[x >> 3]! &= ~(0x80 >> (x & 7));
    }
    // Bits past the last pixel of a row are padding; keep them 0 as PNG writers do.
    if (width % 8 !== 0) row[rowBytes - 1]! &= (0xff << (8 - (width % 8))) & 0xff;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  // compression, filter method and interlace: 0
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
