import { crc32, inflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrCode } from './qr-png.js';

/** The chunks of a PNG, each CRC checked. */
function chunks(png: Buffer): Map<string, Buffer[]> {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const out = new Map<string, Buffer[]>();
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 4, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `CRC of ${type}`).toBe(crc32(body));
    out.set(type, [...(out.get(type) ?? []), png.subarray(at + 8, at + 8 + length)]);
    at += 12 + length;
  }
  return out;
}

/** The pixels of a one-bit greyscale PNG whose rows use filter 0 or 2: true where black. */
function blackPixels(png: Buffer): boolean[][] {
  const parts = chunks(png);
  const header = parts.get('IHDR')![0]!;
  const width = header.readUInt32BE(0);
  expect(header.readUInt32BE(4)).toBe(width);
  expect([...header.subarray(8)]).toEqual([1, 0, 0, 0, 0]);
  expect(parts.has('IEND')).toBe(true);
  const raw = inflateSync(Buffer.concat(parts.get('IDAT')!));
  const rowBytes = Math.ceil(width / 8);
  expect(raw.length).toBe((rowBytes + 1) * width);
  const rows: Buffer[] = [];
  for (let y = 0; y < width; y++) {
    const filter = raw[y * (rowBytes + 1)];
    const row = Buffer.from(raw.subarray(y * (rowBytes + 1) + 1, (y + 1) * (rowBytes + 1)));
    if (filter === 2)
      for (let index = 0; index < rowBytes; index++) row[index] = (row[index]! + rows[y - 1]![index]!) & 0xff;
    else expect(filter).toBe(0);
    rows.push(row);
  }
  return rows.map((row) => Array.from({ length: width }, (_, x) => (row[x >> 3]! & (0x80 >> (x & 7))) === 0));
}

describe('QR code as a one-bit PNG', () => {
  it('draws every module of the code, as qrcode lays it out, at any width', () => {
    const text = 'https://tuphebinh.example.vn/phieu#ABCDEFGHJK';
    const matrix = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
    const code = qrCode(text);
    expect(code.modules).toBe(matrix.size);
    for (const width of [matrix.size, matrix.size * 16, 576, 101]) {
      const pixels = blackPixels(code.png(width));
      expect(pixels).toHaveLength(width);
      const scale = width / matrix.size;
      const wrong = pixels.flatMap((row, y) =>
        row.flatMap((black, x) => {
          const module = matrix.get(Math.floor(y / scale), Math.floor(x / scale));
          return black === Boolean(module) ? [] : [`${x},${y}`];
        }),
      );
      expect(wrong, `width ${width}`).toEqual([]);
    }
  });

  it('gives different codes different pictures', () => {
    const one = qrCode('https://x.vn/phieu#AAAAAAAAAA').png(200);
    const other = qrCode('https://x.vn/phieu#AAAAAAAAAB').png(200);
    expect(one.equals(other)).toBe(false);
  });
});
