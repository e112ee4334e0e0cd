/**
 * The fake Excel installed in a page in place of Office.js: the workbook from
 * `window.__THIDUA_GRID__`, the options from `window.__FAKE_OPTIONS__` (test/support/fake-excel/).
 */
import type { Grid } from '../../engine/model/grid';
import { FakeExcel, type FakeOptions } from '../support/fake-excel';

const page = window as unknown as Record<string, unknown> & { __THIDUA_GRID__: Grid; __FAKE_OPTIONS__?: FakeOptions };
const fake = new FakeExcel(page.__THIDUA_GRID__, page.__FAKE_OPTIONS__ ?? {});
page.__fakeExcel = fake;
page.Excel = { run: fake.run.bind(fake), ErrorCodes: { itemNotFound: 'ItemNotFound' } };
page.Office = {
  onReady: (cb?: () => void) => {
    if (cb) setTimeout(cb, 0);
    return Promise.resolve({ host: 'Excel', platform: 'PC' });
  },
  context: {
    displayLanguage: 'vi-VN',
    requirements: { isSetSupported: (name: string, version: string) => fake.isSetSupported(name, version) },
  },
};
