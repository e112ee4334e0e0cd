// The `thidua` command as one minified file and its lazily loaded chunks (dist/command/cli.js,
// written over tsc's): loading one file instead of some 150 modules is most of a one-workbook
// run's start-up (BENCHMARKS.md). ExcelJS (and its internals, which writers/exceljs-cached-empty.ts
// patches) and Piscina (which starts its workers from its own files) stay in node_modules.
const path = require('node:path');
const webpack = require('webpack');
const { typescriptRule } = require('./webpack.common');

module.exports = {
  mode: 'production',
  entry: { cli: './command/bin.ts' },
  output: { path: path.resolve(__dirname, 'dist/command'), filename: '[name].js', chunkFilename: 'cli.[name].js', library: { type: 'commonjs2' }, clean: false },
  target: 'node20',
  devtool: false,
  node: { __dirname: false, __filename: false },
  externalsPresets: { node: true },
  externals: [({ request }, callback) => (/^(exceljs|piscina)(\/|$)/.test(request) ? callback(null, `commonjs ${request}`) : callback())],
  resolve: { extensions: ['.ts', '.js', '.json'] },
  module: { rules: [typescriptRule] },
  optimization: { minimize: true },
  performance: { hints: false },
  plugins: [new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true })],
};
