/**
 * Reading a zip (an .xlsx is one): its central directory (zip64 too), an entry's stored bytes
 * through its local header, and an entry inflated no further than a limit. Nothing is
 * inflated until asked for, and nothing past the size the entry's header claims.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** A part a file cannot be read from: past a limit (a bomb, a lying header) or damaged. */
export class PartError extends Error {
  constructor(
    readonly code: 'too-large' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

/** The zip64 end record's fields, when the classic end record defers to it. */
function zip64End(buf: Buffer, eocd: number): { count: number; size: number; offset: number } | undefined {
  const locator = eocd - 20;
  if (locator < 0 || buf.readUInt32LE(locator) !== 0x07064b50) return undefined;
  const isRecord = (at: number) => Number.isSafeInteger(at) && at >= 0 && at + 56 <= buf.length && buf.readUInt32LE(at) === 0x06064b50;
  // Where the locator says, or just before it when bytes before the archive shifted everything.
  const said = Number(buf.readBigUInt64LE(locator + 8));
  const at = isRecord(said) ? said : locator - 56;
  if (!isRecord(at)) return undefined;
  return { count: Number(buf.readBigUInt64LE(at + 32)), size: Number(buf.readBigUInt64LE(at + 40)), offset: Number(buf.readBigUInt64LE(at + 48)) };
}

/** The zip64 extra field's sizes and offset, for the fields the central header left at 0xffffffff. */
function zip64Extra(buf: Buffer, from: number, length: number, e: ZipEntry): void {
  for (let p = from; p + 4 <= from + length; ) {
    const id = buf.readUInt16LE(p);
    const size = buf.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const take = () => {
        const v = q + 8 <= p + 4 + size ? Number(buf.readBigUInt64LE(q)) : -1;
        q += 8;
        return v;
      };
      if (e.uncompressedSize === 0xffffffff) e.uncompressedSize = take();
      if (e.compressedSize === 0xffffffff) e.compressedSize = take();
      if (e.localHeaderOffset === 0xffffffff) e.localHeaderOffset = take();
      return;
    }
    p += 4 + size;
  }
}

/** Read the zip's central directory; undefined when it is missing or broken (a truncated file). */
export function zipEntries(buf: Buffer): ZipEntry[] | undefined {
  // The end-of-central-directory record is in the last 22 + 65,535 bytes.
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let count = buf.readUInt16LE(eocd + 10);
  let size = buf.readUInt32LE(eocd + 12);
  let offset = buf.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || count === 0xffff || size === 0xffffffff) {
    const z = zip64End(buf, eocd);
    if (!z) return undefined;
    ({ count, size, offset } = z);
  }
  // Bytes before the archive (a self-extracting stub, a mail gateway's prefix) shift every
  // offset by the same amount, as other readers allow (Python's zipfile, JSZip).
  let shift = 0;
  if (count > 0 && !(offset + 4 <= buf.length && buf.readUInt32LE(offset) === 0x02014b50)) {
    const cdEnd = eocd - (eocd >= 20 && buf.readUInt32LE(eocd - 20) === 0x07064b50 ? 76 : 0);
    shift = cdEnd - (offset + size);
    if (shift <= 0) return undefined;
  }
  offset += shift;
  if (!Number.isSafeInteger(offset + size) || offset + size > buf.length) return undefined;
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return undefined;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const e: ZipEntry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    };
    if (e.compressedSize === 0xffffffff || e.uncompressedSize === 0xffffffff || e.localHeaderOffset === 0xffffffff) zip64Extra(buf, p + 46 + nameLen, extraLen, e);
    if (e.compressedSize < 0 || e.uncompressedSize < 0 || e.localHeaderOffset < 0) return undefined;
    e.localHeaderOffset += shift;
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** An entry's stored (compressed) bytes, found through its local header; undefined when that is broken. */
export function entryData(buf: Buffer, e: ZipEntry): Buffer | undefined {
  const p = e.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) return undefined;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  return buf.subarray(start, Math.min(buf.length, start + e.compressedSize));
}

/** What a zip header's size may be short by before the entry counts as lying (none should). */
export const SLACK = 1024;

/**
 * An entry inflated, refusing output past `max` bytes: by default the size its header claims
 * (and a little slack), past which the header lies. Throws PartError.
 */
export function inflatePart(buf: Buffer, e: ZipEntry, max = e.uncompressedSize + SLACK): Buffer {
  const data = entryData(buf, e);
  if (!data) throw new PartError('corrupt', `${e.name}: bad local header`);
  if (e.method === 0) {
    if (data.length > max) throw new PartError('too-large', `${e.name}: ${data.length} bytes`);
    return data;
  }
  if (e.method !== 8) throw new PartError('corrupt', `${e.name}: compression method ${e.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, max) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new PartError('too-large', `${e.name} inflates past ${max} bytes (its header says ${e.uncompressedSize})`);
    throw new PartError('corrupt', `${e.name}: ${(err as Error).message}`);
  }
}

/**
 * A package's parts by name. OPC part names compare without regard to case (ECMA-376 Part 2
 * §6.2.2.3), and some writers store them with a leading `/`: both are looked up alike.
 */
export class ZipParts {
  private readonly byName = new Map<string, ZipEntry>();

  constructor(
    private readonly buf: Buffer,
    readonly entries: readonly ZipEntry[],
  ) {
    for (const e of entries) {
      const key = partKey(e.name);
      if (!this.byName.has(key)) this.byName.set(key, e);
    }
    // Part names are URIs: an item stored percent-encoded (`sheet%201.xml`) is found by its
    // decoded name too, as relationship targets are resolved decoded.
    for (const e of entries) {
      if (!e.name.includes('%')) continue;
      let decoded: string;
      try {
        decoded = partKey(decodeURIComponent(e.name));
      } catch {
        continue;
      }
      if (!this.byName.has(decoded)) this.byName.set(decoded, e);
    }
  }

  /** A zip's parts, or undefined when its central directory is missing or broken. */
  static open(buf: Buffer): ZipParts | undefined {
    const entries = zipEntries(buf);
    return entries ? new ZipParts(buf, entries) : undefined;
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(partKey(name));
  }

  /** A part's bytes, inflated no further than `max` (by default its header's size). Throws PartError. */
  bytes(name: string, max?: number): Buffer | undefined {
    const e = this.entry(name);
    return e ? inflatePart(this.buf, e, max === undefined ? undefined : Math.min(max, e.uncompressedSize + SLACK)) : undefined;
  }
}

/** A zip entry name as a part name to compare: no leading `/`, `\` as `/`, any case. */
export function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}
