/**
 * The zip layer against the format (PKWARE APPNOTE 6.3): archives written here byte by byte
 * in the forms other writers use: Zip64 records, data descriptors with zero sizes in the local
 * header, stored entries, bytes before the archive.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { readXlsx } from '../../reader/read-workbook';
import { ZipParts } from '../../reader/zip';
import { book, rowsOf, text } from '../support/xlsx';
import { unzip } from '../../reader/zip-writer';
import { sniff } from '../../reader/intake';

interface Part {
  name: string;
  data: Buffer;
}

/** An archive with every entry in Zip64 form (sizes and offsets in the extra field), data descriptors, and a Zip64 end record. */
function zip64(parts: Part[], { store = false } = {}): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const body = store ? p.data : deflateRawSync(p.data);
    const method = store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4);
    local.writeUInt16LE(0x0008, 6); // sizes in a data descriptor after the data
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(24);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc32(p.data), 4);
    descriptor.writeBigUInt64LE(BigInt(body.length), 8);
    descriptor.writeBigUInt64LE(BigInt(p.data.length), 16);
    out.push(local, name, body, descriptor);
    const extra = Buffer.alloc(28);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(p.data.length), 4);
    extra.writeBigUInt64LE(BigInt(body.length), 12);
    extra.writeBigUInt64LE(BigInt(offset), 20);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(45, 4);
    c.writeUInt16LE(45, 6);
    c.writeUInt16LE(0x0008, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc32(p.data), 16);
    c.writeUInt32LE(0xffffffff, 20);
    c.writeUInt32LE(0xffffffff, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(extra.length, 30);
    c.writeUInt32LE(0xffffffff, 42);
    central.push(c, name, extra);
    offset += 30 + name.length + body.length + descriptor.length;
  }
  const cd = Buffer.concat(central);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeUInt16LE(45, 12);
  end64.writeUInt16LE(45, 14);
  end64.writeBigUInt64LE(BigInt(parts.length), 24);
  end64.writeBigUInt64LE(BigInt(parts.length), 32);
  end64.writeBigUInt64LE(BigInt(cd.length), 40);
  end64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...out, cd, end64, locator, end]);
}

const workbook = book({ sheets: [{ name: 'Thành viên', data: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], shared: ['<si><t>Hội Nông dân</t></si>'] });
const parts = unzip(workbook);

test.each([
  ['Zip64 records and data descriptors, deflated', zip64(parts)],
  ['Zip64 records and data descriptors, stored', zip64(parts, { store: true })],
  ['bytes before the archive (a self-extracting stub)', Buffer.concat([Buffer.from('MZ'.padEnd(4096, '\u0000')), workbook])],
  ['bytes before a Zip64 archive', Buffer.concat([Buffer.alloc(1000, 7), zip64(parts)])],
])('%s: the workbook reads', (_name, buf) => {
  expect(ZipParts.open(buf)?.entries.map((e) => e.name)).toEqual(parts.map((p) => p.name));
  expect(rowsOf(readXlsx(buf))).toEqual([[text('Hội Nông dân')]]);
});

test('an archive cut before its end record is no zip', () => {
  expect(ZipParts.open(workbook.subarray(0, workbook.length - 30))).toBeUndefined();
});

test('the intake takes a workbook with bytes before its archive, and hands the reader its zip and workbook', () => {
  const intake = sniff(Buffer.concat([Buffer.from('MZ'.padEnd(4096, '\u0000')), workbook]));
  expect(intake).toMatchObject({ ok: true, workbook: 'xl/workbook.xml' });
  expect(sniff(Buffer.from('neither a zip nor anything else')).ok).toBe(false);
});
