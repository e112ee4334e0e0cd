// The office desk page (dist/thidua.html): its Web Worker and its page, bundled for the browser
// with the batch reader's own code; `node:zlib` is pako (desk/zlib.ts), `Buffer` the npm buffer.
// scripts/build-desk.ts then puts both into one self-contained HTML file.
const path = require('node:path');
const webpack = require('webpack');
const { typescriptRule } = require('./webpack.common');

const common = {
  mode: 'production',
  devtool: false,
  output: { path: path.resolve(__dirname, 'dist/desk'), filename: '[name].js' },
  resolve: {
    extensions: ['.ts', '.js', '.json'],
    alias: { zlib: path.resolve(__dirname, 'desk/zlib.ts') },
    fallback: { fs: false, path: false, os: false, crypto: false, worker_threads: false, child_process: false },
  },
  module: { rules: [typescriptRule] },
  plugins: [
    new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
      resource.request = resource.request.replace(/^node:/, '');
    }),
    new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
    new webpack.NormalModuleReplacementPlugin(/exceljs-cached-empty/, path.resolve(__dirname, 'desk/no-exceljs-patch.ts')),
    new webpack.NormalModuleReplacementPlugin(/exceljs-workbook$/, path.resolve(__dirname, 'writers/exceljs-workbook-browser.ts')),
  ],
  performance: { hints: false },
};

module.exports = [
  { ...common, name: 'worker', target: 'webworker', entry: { worker: './desk/worker.ts' } },
  // The writer worker, with ExcelJS (its browser build): one file, its dynamic imports inlined.
  { ...common, name: 'writer', target: 'webworker', entry: { writer: './desk/writer.ts' }, plugins: [...common.plugins, new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })] },
  { ...common, name: 'page', target: 'web', entry: { page: './desk/page.ts' } },
];
