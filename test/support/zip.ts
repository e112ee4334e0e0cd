/** Zip helpers only tests, scripts and benchmarks use: a bomb's payload, a workbook with some parts changed. */
import { deflateRawSync } from 'node:zlib';
import { makeZip, unzip, type ZipInput } from '../../reader/zip-writer';

/** `size` bytes of zeros, deflated (a bomb's payload). The CRC is left 0: it is never reached. */
export function deflatedZeros(size: number): { data: Buffer; size: number; crc: number } {
  return { data: deflateRawSync(Buffer.alloc(size), { level: 9 }), size, crc: 0 };
}

/** A copy of a zip with some parts changed (`edit` returns the new data, or null to drop the part). */
export function rezip(buf: Buffer, edit: (name: string, data: Buffer) => Buffer | null = (_, d) => d, extra: ZipInput[] = []): Buffer {
  const parts = unzip(buf)
    .map((p) => ({ name: p.name, data: edit(p.name, p.data) }))
    .filter((p): p is { name: string; data: Buffer } => p.data !== null);
  return makeZip([...parts, ...extra]);
}
