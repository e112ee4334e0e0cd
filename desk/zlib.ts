/**
 * `node:zlib` for the browser: what thidua's reader and zip writer use of it (raw inflate
 * with an output limit, raw deflate, CRC-32), over pako. The office desk page bundles the
 * same reader as `thidua validate` (reader/zip.ts, reader/intake.ts, reader/zip-writer.ts) with
 * this in place of Node's zlib: no copy of the reader, and the same limits, since a part that
 * inflates past its limit fails with Node's own error code.
 */
import { Buffer } from 'buffer';
import { Deflate, Inflate } from 'pako';

export const constants = { Z_SYNC_FLUSH: 2, Z_FINISH: 4 } as const;

/** Like Node's: stops with `ERR_BUFFER_TOO_LARGE` past `maxOutputLength` bytes. */
export function inflateRawSync(data: Uint8Array, options: { maxOutputLength?: number; finishFlush?: number } = {}): Buffer {
  const max = options.maxOutputLength ?? Number.MAX_SAFE_INTEGER;
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  // Output pieces as large as the part is said to be (up to 64 KB): a workbook's many small parts
  // would otherwise each allocate 64 KB (measured: a quarter of the page's time, much of it GC).
  const inflate = new Inflate({ raw: true, chunkSize: Math.max(1024, Math.min(64 * 1024, max)) });
  inflate.onData = (chunk: Uint8Array) => {
    if (tooLarge) return;
    total += chunk.length;
    if (total > max) tooLarge = true;
    else chunks.push(chunk);
  };
  // A part cut short (finishFlush Z_SYNC_FLUSH) gives what it has, as Node's does.
  inflate.push(data, options.finishFlush === constants.Z_SYNC_FLUSH ? constants.Z_SYNC_FLUSH : true);
  if (tooLarge) throw Object.assign(new RangeError(`Cannot create a Buffer larger than ${max} bytes`), { code: 'ERR_BUFFER_TOO_LARGE' });
  if (inflate.err && options.finishFlush !== constants.Z_SYNC_FLUSH) throw Object.assign(new Error(inflate.msg || 'invalid deflate data'), { code: 'Z_DATA_ERROR' });
  return Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)), Math.min(total, max));
}

export function deflateRawSync(data: Uint8Array, options: { level?: number } = {}): Buffer {
  const deflate = new Deflate({ raw: true, level: (options.level ?? 6) as 6 });
  deflate.push(data, true);
  return Buffer.from(deflate.result as Uint8Array);
}

const TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 as zip uses it (ISO 3309), unsigned, as Node's `zlib.crc32`. */
export function crc32(data: Uint8Array | string): number {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
