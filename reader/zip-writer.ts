/**
 * A small zip writer and reader of whole parts: the package edits of the annotated copy and the
 * desk (reader/package-edit.ts) and the workbooks tests and scripts build byte by byte.
 * The helpers only tests and scripts use (a bomb's payload, a zip with parts changed) are in
 * test/support/zip.ts.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { entryData, zipEntries } from './zip';


export interface ZipInput {
  name: string;
  data: Buffer;
  /** Store the entry uncompressed (the ODF `mimetype` must be). */
  store?: boolean;
  /** Claim another uncompressed size in the headers (a lying archive). */
  claimedSize?: number;
  /** Already-deflated data and its real size (for large generated entries). */
  deflated?: { data: Buffer; size: number; crc: number };
}

/** A minimal zip writer: local headers, data, central directory, end record. */
export function makeZip(entries: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.deflated ? e.deflated.data : e.store ? e.data : deflateRawSync(e.data);
    const size = e.claimedSize ?? (e.deflated ? e.deflated.size : e.data.length);
    const crc = e.deflated ? e.deflated.crc : crc32(e.data);
    const method = e.store && !e.deflated ? 0 : 8;
    // The local and the central header share their fields; the central one has them 2 bytes later.
    const header = (length: number, signature: number, shift: number) => {
      const h = Buffer.alloc(length);
      h.writeUInt32LE(signature, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 4 + shift);
      h.writeUInt16LE(method, 8 + shift);
      // 1 January 1980, the first date a zip can hold (0 is no date at all): a file is the same whenever it is made.
      h.writeUInt16LE(0x21, 12 + shift);
      h.writeUInt32LE(crc, 14 + shift);
      h.writeUInt32LE(body.length, 18 + shift);
      h.writeUInt32LE(size, 22 + shift);
      h.writeUInt16LE(name.length, 26 + shift);
      return h;
    };
    locals.push(header(30, 0x04034b50, 0), name, body);
    const central = header(46, 0x02014b50, 2);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The entries of a zip, inflated. */
export function unzip(buf: Buffer): { name: string; data: Buffer }[] {
  const entries = zipEntries(buf);
  if (!entries) throw new Error('not a zip');
  return entries.map((e) => {
    const raw = entryData(buf, e) ?? Buffer.alloc(0);
    return { name: e.name, data: e.method === 8 ? inflateRawSync(raw) : raw };
  });
}
