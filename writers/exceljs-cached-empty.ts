/**
 * ExcelJS 4.4 drops a formula's cached empty string: `<c t="str"><f>…</f><v></v></c>` reads
 * back with no result, exactly like a formula that was never calculated. Excel writes that
 * for every formula whose result is "" (an IF that shows nothing), so without this a correct
 * workbook would be told "the formula has no result". This records, while parsing, that a
 * `<v>` element was present, and restores the "" that ExcelJS left out.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CellXform = require('exceljs/lib/xlsx/xform/sheet/cell-xform') as {
  prototype: {
    parseOpen(node: { name: string }): boolean;
    parseClose(name: string): boolean;
    parser?: unknown;
    t?: string;
    model?: { formula?: string; shareType?: string; result?: unknown };
    sawValue?: boolean;
  };
};

const proto = CellXform.prototype;
const marker = Symbol.for('thidua.cachedEmptyPatch');

if (!(proto as unknown as Record<symbol, boolean>)[marker]) {
  (proto as unknown as Record<symbol, boolean>)[marker] = true;
  const open = proto.parseOpen;
  const close = proto.parseClose;
  proto.parseOpen = function (node) {
    if (!this.parser) {
      if (node.name === 'c') this.sawValue = false;
      else if (node.name === 'v') this.sawValue = true;
    }
    return open.call(this, node);
  };
  proto.parseClose = function (name) {
    const result = close.call(this, name);
    const model = this.model;
    if (name === 'c' && !this.parser && model && (model.formula || model.shareType) && this.sawValue && this.t === 'str' && model.result === undefined) {
      model.result = '';
    }
    return result;
  };
}

export {};
