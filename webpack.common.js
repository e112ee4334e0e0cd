// What the three webpack builds share: TypeScript through ts-loader, types left to tsc.
module.exports.typescriptRule = {
  test: /\.ts$/,
  loader: 'ts-loader',
  exclude: /node_modules/,
  options: { transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'bundler', sourceMap: false } },
};
