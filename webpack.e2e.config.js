// Test-only bundle: the fake Office.js host for the browser test (test/e2e/fake-office.ts).
const path = require('node:path');

module.exports = {
  mode: 'production',
  entry: { 'fake-office': './test/e2e/fake-office.ts' },
  output: { path: path.resolve(__dirname, 'dist/e2e'), filename: '[name].js' },
  target: 'web',
  devtool: false,
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [{ test: /\.ts$/, loader: 'ts-loader', exclude: /node_modules/, options: { transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'bundler', sourceMap: false } } }],
  },
  optimization: { minimize: false },
  performance: { hints: false },
};
