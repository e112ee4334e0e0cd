/**
 * What a file is, before anything parses it: an .xlsx (a zip holding a workbook), a legacy
 * .xls or a password-protected workbook (both OLE compound files, told apart by their
 * streams), an OpenDocument or other zip, or anything else. For a zip, the central
 * directory is read (no inflating) to refuse bombs and giants before ExcelJS sees them.
 */
import { inflateRawSync, constants as zlib } from 'node:zlib';
import { parseRange } from '../engine/model/grid';
import type { ErrorCode } from '../engine/report/schema';

export interface Limits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest total of the zip's uncompressed entries. */
  maxUncompressedBytes: number;
  /** Highest compression ratio of one large entry (a bomb inflates a thousandfold). */
  maxRatio: number;
  maxEntries: number;
  /** Cells declared by the sheets' `<dimension>` (rows × columns), summed. */
  maxCells: number;
  /** Largest worksheet XML, inflated (whatever its zip header claims). */
  maxSheetBytes: number;
  /** Cells actually written (`<c>` elements) in all worksheets, summed. */
  maxCellTags: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 5000,
  maxCells: 5_000_000,
  // A 50,000-row workbook (the budget's largest, validated in about 260 MB) has 14 MB of sheet
  // XML and about 500,000 cells; memory grows with the cells, so three times that is the
  // most a worker may read within the 600 MB budget (BENCHMARKS.md).
  maxSheetBytes: 64 * 1024 * 1024,
  maxCellTags: 1_500_000,
};

export type Intake = { ok: true } | { ok: false; code: ErrorCode; detail: string };

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Read the zip's central directory; undefined when it is missing or broken (truncated file). */
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
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) return undefined; // zip64: no workbook needs it
  if (offset + size > buf.length) return undefined;
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return undefined;
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localHeaderOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
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

/** Cells a sheet declares in `<dimension ref="A1:Z500"/>` (0 when it does not say). */
function declaredCells(head: string | undefined): number {
  const ref = head && /<(?:\w+:)?dimension\s+ref="([A-Z]+\d+:[A-Z]+\d+)"/.exec(head)?.[1];
  const r = ref ? parseRange(ref) : undefined;
  return r ? (r.bottom - r.top + 1) * (r.right - r.left + 1) : 0;
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
 * What the file is, and whether it is within the limits. `inflated` (when given) receives the
 * worksheets' XML the cell count inflated, for the reader to use rather than inflate again.
 */
export function sniff(buf: Buffer, limits: Limits = DEFAULT_LIMITS, inflated?: Map<string, Buffer>): Intake {
  if (buf.length === 0) return { ok: false, code: 'empty', detail: 'empty file' };
  if (buf.length > limits.maxFileBytes) return { ok: false, code: 'too-large', detail: `${buf.length} bytes` };
  if (buf.subarray(0, 8).equals(OLE_MAGIC)) {
    const names = oleStreamNames(buf);
    if (names.includes('EncryptedPackage') || names.includes('EncryptionInfo')) return { ok: false, code: 'encrypted', detail: 'encrypted OOXML package' };
    if (names.includes('Workbook') || names.includes('Book')) return { ok: false, code: 'xls-legacy', detail: 'BIFF workbook' };
    return { ok: false, code: 'not-a-workbook', detail: `OLE file (${names.slice(0, 5).join(', ')})` };
  }
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) {
    return { ok: false, code: 'not-a-workbook', detail: 'neither a zip nor an OLE file' };
  }
  const entries = zipEntries(buf);
  if (!entries) return { ok: false, code: 'corrupt', detail: 'zip central directory missing or broken' };
  const names = new Set(entries.map((e) => e.name));
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (!names.has('xl/workbook.xml')) {
    const kind = mimetype ? entryHead(buf, mimetype)?.trim() : undefined;
    return { ok: false, code: 'not-a-workbook', detail: kind ? `zip of type ${kind}` : 'zip without xl/workbook.xml' };
  }
  if (entries.length > limits.maxEntries) return { ok: false, code: 'too-large', detail: `${entries.length} zip entries` };
  let total = 0;
  let cells = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize > 10 * 1024 * 1024 && e.uncompressedSize > e.compressedSize * limits.maxRatio) {
      return { ok: false, code: 'too-large', detail: `${e.name} inflates ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}×` };
    }
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) cells += declaredCells(entryHead(buf, e, 4096));
  }
  if (total > limits.maxUncompressedBytes) return { ok: false, code: 'too-large', detail: `${total} bytes uncompressed` };
  if (cells > limits.maxCells) return { ok: false, code: 'too-large', detail: `${cells} cells declared` };
  return countCells(buf, entries, limits, inflated);
}

const isNameByte = (b: number | undefined) => b !== undefined && ((b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === 0x5f || b === 0x2d || b === 0x2e);

/** `<c ` `<c>` `<c/>`: cell elements (not `<col`, `<cfRule`…), with or without a prefix (`<x:c>`, written by some .NET programs). */
export function cellTags(xml: Buffer): number {
  let n = 0;
  for (let i = xml.indexOf(0x3c); i >= 0; i = xml.indexOf(0x3c, i + 1)) {
    let j = i + 1;
    let k = j;
    while (k - j < 9 && isNameByte(xml[k])) k++;
    if (k > j && xml[k] === 0x3a) j = k + 1;
    if (xml[j] === 0x63 && !isNameByte(xml[j + 1]) && xml[j + 1] !== 0x3a) n++;
  }
  return n;
}

/** What a zip header's size may be short by before the entry counts as lying (none should). */
const SLACK = 1024;

/** A part a file cannot be read from: past a limit (a bomb, a lying header) or damaged. */
export class PartError extends Error {
  constructor(
    readonly code: 'too-large' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

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

/** The intake's verdict on a PartError (anything else thrown is a damaged file). */
function refusal(err: unknown): Extract<Intake, { ok: false }> {
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
export function checkAllParts(buf: Buffer, limits: Limits = DEFAULT_LIMITS): Intake {
  const entries = zipEntries(buf);
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

/**
 * The cells each worksheet really holds, counted in its inflated XML: a sheet may declare a
 * small `<dimension>` (or none) and hold millions, or inflate far past its zip header's size.
 * Both are refused here, before a reader builds anything from them. (A DOCTYPE is the reader's
 * to refuse, in the parts it reads.)
 */
function countCells(buf: Buffer, entries: readonly ZipEntry[], limits: Limits, inflated?: Map<string, Buffer>): Intake {
  let cells = 0;
  for (const e of entries) {
    if (!/^\/?xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
    if (e.uncompressedSize > limits.maxSheetBytes) return { ok: false, code: 'too-large', detail: `${e.name}: ${e.uncompressedSize} bytes` };
    let xml: Buffer;
    try {
      xml = inflatePart(buf, e, Math.min(limits.maxSheetBytes, e.uncompressedSize + SLACK));
    } catch (err) {
      return refusal(err);
    }
    cells += cellTags(xml);
    inflated?.set(e.name, xml);
    if (cells > limits.maxCellTags) return { ok: false, code: 'too-large', detail: `more than ${limits.maxCellTags} cells` };
  }
  return { ok: true };
}

/** What the sender should do, in plain Vietnamese (and English). */
export const ERROR_MESSAGES: Record<ErrorCode, { vi: string; en: string }> = {
  empty: { vi: 'Tệp rỗng (0 byte): hãy gửi lại tệp sổ thi đua.', en: 'The file is empty (0 bytes): send the workbook again.' },
  'not-a-workbook': {
    vi: 'Tệp không phải sổ Excel (.xlsx): hãy mở bằng Excel hoặc LibreOffice rồi lưu dạng "Sổ làm việc Excel (.xlsx)" và gửi lại.',
    en: 'The file is not an Excel workbook (.xlsx): open it in Excel or LibreOffice, save as "Excel Workbook (.xlsx)" and send it again.',
  },
  'xls-legacy': {
    vi: 'Tệp là định dạng Excel cũ (.xls): hãy mở bằng Excel rồi lưu lại dạng .xlsx và gửi lại.',
    en: 'The file is in the old Excel format (.xls): open it in Excel, save it as .xlsx and send it again.',
  },
  encrypted: { vi: 'Tệp được đặt mật khẩu: hãy gỡ mật khẩu rồi gửi lại.', en: 'The file is password-protected: remove the password and send it again.' },
  corrupt: {
    vi: 'Tệp bị hỏng hoặc gửi chưa hết: hãy mở thử bằng Excel, lưu lại rồi gửi lại.',
    en: 'The file is damaged or incomplete: try opening it in Excel, save it and send it again.',
  },
  'too-large': {
    vi: 'Tệp quá lớn so với một sổ thi đua (hoặc chứa dữ liệu bất thường): hãy xoá các trang, dòng thừa rồi gửi lại.',
    en: 'The file is far larger than a bloc workbook (or holds abnormal data): delete the extra sheets and rows and send it again.',
  },
  timeout: {
    vi: 'Đọc tệp quá lâu nên đã dừng: hãy xoá các trang, dòng thừa rồi gửi lại.',
    en: 'Reading the file took too long and was stopped: delete the extra sheets and rows and send it again.',
  },
};
