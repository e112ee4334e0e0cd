/**
 * The browser's stand-in for `node:zlib` (desk/zlib.ts) agrees with Node's zlib on what the
 * reader uses of it: inflate, the output limit and its error code, deflate, CRC-32.
 */
import * as zlib from 'node:zlib';
import fc from 'fast-check';
import { crc32, deflateRawSync, inflateRawSync } from '../../desk/zlib';

test('inflate, deflate and CRC-32 agree with Node\'s zlib on any bytes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 5000 }), (bytes) => {
      const deflated = zlib.deflateRawSync(bytes);
      expect(Buffer.from(inflateRawSync(deflated))).toEqual(zlib.inflateRawSync(deflated));
      expect(zlib.inflateRawSync(deflateRawSync(bytes))).toEqual(Buffer.from(bytes));
      expect(crc32(bytes)).toBe(zlib.crc32(bytes));
    }),
    { numRuns: 200 },
  );
});

test('past the output limit: Node\'s error code, so that the reader says too-large', () => {
  const bomb = zlib.deflateRawSync(Buffer.alloc(1 << 20));
  expect(() => zlib.inflateRawSync(bomb, { maxOutputLength: 1000 })).toThrow(expect.objectContaining({ code: 'ERR_BUFFER_TOO_LARGE' }));
  expect(() => inflateRawSync(bomb, { maxOutputLength: 1000 })).toThrow(expect.objectContaining({ code: 'ERR_BUFFER_TOO_LARGE' }));
  expect(inflateRawSync(bomb, { maxOutputLength: 1 << 20 }).length).toBe(1 << 20);
});

test('damaged data fails; a part cut short gives what it has with Z_SYNC_FLUSH, as Node\'s does', () => {
  const data = zlib.deflateRawSync(Buffer.from('<worksheet>'.repeat(500)));
  expect(() => inflateRawSync(Buffer.from([0xff, 0xff, 0xff, 0x00]))).toThrow();
  const cut = data.subarray(0, 20);
  const node = zlib.inflateRawSync(cut, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  expect(Buffer.from(inflateRawSync(cut, { finishFlush: zlib.constants.Z_SYNC_FLUSH }))).toEqual(node);
});
