/** Writes the add-in's icons (a red flag on white, the emulation flag) as PNGs, without any image tool. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { crc32 } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function flagPng(size: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const pole = x >= size * 0.18 && x < size * 0.26 && y >= size * 0.1 && y < size * 0.92;
      const flag = x >= size * 0.26 && x < size * 0.86 && y >= size * 0.12 && y < size * 0.55;
      const star = flag && Math.abs(x - size * 0.56) + Math.abs(y - size * 0.33) < size * 0.09;
      const [r, g, b] = star ? [255, 205, 0] : flag ? [218, 37, 29] : pole ? [90, 90, 90] : [255, 255, 255];
      row.set([r, g, b, 255], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

if (require.main === module) {
  const dir = join(__dirname, '..', '..', 'addin', 'assets');
  mkdirSync(dir, { recursive: true });
  for (const size of [16, 32, 64, 80]) writeFileSync(join(dir, `icon-${size}.png`), flagPng(size));
  console.log('addin/assets/icon-{16,32,64,80}.png written');
}
