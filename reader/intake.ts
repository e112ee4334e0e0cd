/**
 * What a file is, before anything parses it: an .xlsx (a zip holding a workbook), a legacy
 * .xls or a password-protected workbook (both OLE compound files, told apart by their
 * streams), an OpenDocument or other zip, or anything else. For a zip, the central
 * directory is read (no inflating) to refuse bombs and giants before anything inflates them,
 * and the package's relationships to find its workbook.
 */
import { inflateRawSync, constants as zlib } from 'node:zlib';
import type { ErrorCode, UnreadableVariant } from '../engine';
import { findWorkbook } from './opc';
import { DEFAULT_READ_LIMITS, type ReadLimits, zipSource } from './read-workbook';
import { PartError, type ZipEntry, ZipParts, entryData, inflatePart } from './zip';

export interface Limits extends ReadLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest total of the zip's uncompressed entries. */
  maxUncompressedBytes: number;
  /** Highest compression ratio of one large entry (a bomb inflates a thousandfold). */
  maxRatio: number;
  maxEntries: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 5000,
  ...DEFAULT_READ_LIMITS,
};

/** The intake's verdict; a workbook it accepts comes with its zip and workbook part, for the reader. */
/** Why a file is refused: its code and what the intake found. */
/** Why a file is refused: its code, what the reader found (for logs), and what it recognised the file to be instead. */
export type Refusal = { ok: false; code: ErrorCode; detail: string; variant?: UnreadableVariant };
export type Intake = { ok: true; zip: ZipParts; workbook: string } | Refusal;

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The start of an entry's content, inflated as far as the first `bytes` compressed bytes go. */
function entryHead(buf: Buffer, e: ZipEntry, bytes = 65536): string | undefined {
  const data = entryData(buf, e)?.subarray(0, bytes);
  if (!data) return undefined;
  try {
    if (e.method === 0) return data.toString('utf8');
    if (e.method === 8) return inflateRawSync(data, { finishFlush: zlib.Z_SYNC_FLUSH, maxOutputLength: 1 << 20 }).toString('utf8');
  } catch {
    return undefined;
  }
  return undefined;
}

/** OLE compound file: the names of its directory entries (to tell .xls from an encrypted .xlsx). */
export function oleStreamNames(buf: Buffer): string[] {
  if (buf.length < 512) return [];
  const sectorSize = 1 << buf.readUInt16LE(30);
  const firstDirSector = buf.readInt32LE(48);
  const names: string[] = [];
  // Walk the directory chain through the FAT (sectors listed in the header's DIFAT).
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = buf.readInt32LE(76 + i * 4);
    if (s >= 0) fatSectors.push(s);
  }
  const next = (sector: number): number => {
    const perSector = sectorSize / 4;
    const fat = fatSectors[Math.floor(sector / perSector)];
    if (fat === undefined) return -2;
    const at = (fat + 1) * sectorSize + (sector % perSector) * 4;
    return at + 4 <= buf.length ? buf.readInt32LE(at) : -2;
  };
  let sector = firstDirSector;
  for (let guard = 0; sector >= 0 && guard < 1000; guard++) {
    const base = (sector + 1) * sectorSize;
    for (let off = 0; off + 128 <= sectorSize && base + off + 128 <= buf.length; off += 128) {
      const len = buf.readUInt16LE(base + off + 64);
      if (len >= 2 && len <= 64) names.push(buf.toString('utf16le', base + off, base + off + len - 2));
    }
    sector = next(sector);
  }
  return names;
}

/**
 * What the file is, and whether its zip is within the limits. The cells are counted by the
 * reader, in the sheets it reads; a `<dimension>` (often the whole sheet, when whole columns
 * are formatted) is never a reason to refuse.
 */
export function sniff(buf: Buffer, limits: Limits = DEFAULT_LIMITS): Intake {
  if (buf.length === 0) return { ok: false, code: 'empty', detail: 'empty file' };
  if (buf.length > limits.maxFileBytes) return { ok: false, code: 'too-large', detail: `${buf.length} bytes` };
  if (buf.subarray(0, 8).equals(OLE_MAGIC)) {
    const names = oleStreamNames(buf);
    if (names.includes('EncryptedPackage') || names.includes('EncryptionInfo')) return { ok: false, code: 'encrypted', detail: 'encrypted OOXML package' };
    if (names.includes('Workbook') || names.includes('Book')) return { ok: false, code: 'xls-legacy', detail: 'BIFF workbook' };
    if (names.includes('WordDocument')) return { ok: false, code: 'not-a-workbook', detail: 'Word document (OLE)', variant: 'word' };
    return { ok: false, code: 'not-a-workbook', detail: `OLE file (${names.slice(0, 5).join(', ')})` };
  }
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return { ok: false, code: 'not-a-workbook', detail: 'PDF document', variant: 'pdf' };
  // A zip starts with a local header, or (bytes before the archive) ends with a central directory.
  const startsAsZip = buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
  const zip = ZipParts.open(buf);
  if (!startsAsZip && !zip) return { ok: false, code: 'not-a-workbook', detail: 'neither a zip nor an OLE file' };
  if (!zip) return { ok: false, code: 'corrupt', detail: 'zip central directory missing or broken' };
  const { entries } = zip;
  if (entries.length > limits.maxEntries) return { ok: false, code: 'too-large', detail: `${entries.length} zip entries` };
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize > 10 * 1024 * 1024 && e.uncompressedSize > e.compressedSize * limits.maxRatio) {
      return { ok: false, code: 'too-large', detail: `${e.name} inflates ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}×` };
    }
  }
  if (total > limits.maxUncompressedBytes) return { ok: false, code: 'too-large', detail: `${total} bytes uncompressed` };
  // Within the limits, the package's relationships may be read to find its workbook.
  let workbook: string | undefined;
  try {
    workbook = findWorkbook(zipSource(zip), (name) => zip.entry(name) !== undefined);
  } catch (err) {
    return refusal(err);
  }
  if (workbook === undefined) {
    const mimetype = zip.entry('mimetype');
    const kind = mimetype ? entryHead(buf, mimetype)?.trim() : undefined;
    if (kind) return { ok: false, code: 'not-a-workbook', detail: `zip of type ${kind}`, ...(/opendocument/i.test(kind) ? { variant: 'opendocument' as const } : {}) };
    // Other Office documents, told by their main part, so the sender can be told what to send instead.
    if (zip.entry('word/document.xml')) return { ok: false, code: 'not-a-workbook', detail: 'Word document (word/document.xml)', variant: 'word' };
    if (zip.entry('xl/workbook.bin')) return { ok: false, code: 'not-a-workbook', detail: 'Excel binary workbook (xl/workbook.bin)', variant: 'xlsb' };
    if (zip.entry('ppt/presentation.xml')) return { ok: false, code: 'not-a-workbook', detail: 'PowerPoint presentation (ppt/presentation.xml)', variant: 'powerpoint' };
    return { ok: false, code: 'not-a-workbook', detail: 'zip without a workbook part' };
  }
  return { ok: true, zip, workbook };
}

/** The intake's verdict on a PartError (anything else thrown is a damaged file). */
function refusal(err: unknown): Refusal {
  return err instanceof PartError ? { ok: false, code: err.code, detail: err.message } : { ok: false, code: 'corrupt', detail: String(err) };
}

/** A document type declaration: OOXML parts never have one; entity tricks need one. */
export function hasDoctype(xml: Buffer | string): boolean {
  return xml.indexOf('<!DOCTYPE') >= 0 || xml.indexOf('<!ENTITY') >= 0;
}

/**
 * Before ExcelJS reads a file (the lean reader could not, or an annotated copy is wanted):
 * ExcelJS inflates every part, so every part must inflate to no more than its header says,
 * all of them within the limit, and no XML part may declare a DOCTYPE.
 */
export function checkAllParts(buf: Buffer, limits: Limits = DEFAULT_LIMITS): { ok: true } | Refusal {
  const entries = ZipParts.open(buf)?.entries;
  if (!entries) return { ok: false, code: 'corrupt', detail: 'zip central directory missing or broken' };
  let total = 0;
  try {
    for (const e of entries) {
      if (e.name.endsWith('/')) continue;
      if (total + e.uncompressedSize > limits.maxUncompressedBytes) return { ok: false, code: 'too-large', detail: `the parts pass ${limits.maxUncompressedBytes} bytes in all (at ${e.name})` };
      const data = inflatePart(buf, e);
      total += data.length;
      if (/\.(xml|rels|vml)$/i.test(e.name) && hasDoctype(data)) return { ok: false, code: 'corrupt', detail: `${e.name}: a DOCTYPE (never in a workbook)` };
    }
  } catch (err) {
    return refusal(err);
  }
  return { ok: true };
}
