// The batch validator's worker as one minified file: a worker starts by loading the engine,
// and one file of 0.2 MB loads about twice as fast as 184 modules of 1.3 MB (BENCHMARKS.md).
// ExcelJS stays outside (loaded from node_modules only when a file needs it).
const path = require('node:path');
const { typescriptRule } = require('./webpack.common');

module.exports = {
  mode: 'production',
  entry: { 'worker.bundle': './pool/worker.ts' },
  output: { path: path.resolve(__dirname, 'dist/pool'), filename: '[name].js', chunkFilename: 'worker.[name].js', library: { type: 'commonjs2' }, clean: false },
  target: 'node20',
  devtool: false,
  externalsPresets: { node: true },
  // ExcelJS and its internals (writers/exceljs-cached-empty.ts patches one of them) must be the
  // one copy in node_modules, never a second one inside the bundle.
  externals: [({ request }, callback) => (/^exceljs(\/|$)/.test(request) ? callback(null, `commonjs ${request}`) : callback())],
  resolve: { extensions: ['.ts', '.js', '.json'] },
  module: { rules: [typescriptRule] },
  optimization: { minimize: true },
  performance: { hints: false },
};
