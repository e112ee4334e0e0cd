// Test-only bundle: the fake Office.js host for the browser test (test/support/fake-excel/).
const path = require('node:path');
const { typescriptRule } = require('./webpack.common');

module.exports = {
  mode: 'production',
  entry: { 'fake-office': './test/e2e/fake-office-page.ts' },
  output: { path: path.resolve(__dirname, 'dist/e2e'), filename: '[name].js' },
  target: 'web',
  devtool: false,
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: [typescriptRule] },
  optimization: { minimize: false },
  performance: { hints: false },
};
