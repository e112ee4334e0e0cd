// The task pane's bundle: the engine and the pane, no ExcelJS (see test/addin/bundle.test.ts).
const path = require('node:path');
const { typescriptRule } = require('./webpack.common');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

module.exports = async (env, argv) => ({
  mode: argv.mode ?? 'production',
  entry: { taskpane: './addin/pane/taskpane.ts' },
  output: { path: path.resolve(__dirname, 'dist/addin'), filename: '[name].js', clean: false },
  target: 'web',
  devtool: false,
  resolve: { extensions: ['.ts', '.js', '.json'] },
  module: { rules: [typescriptRule] },
  plugins: [
    // taskpane.js is not injected: guard.js (ES5) loads it only where the pane can run.
    new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './addin/pane/taskpane.html', inject: false }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'addin/assets', to: 'assets' },
        { from: 'addin/pane/taskpane.css', to: 'taskpane.css' },
        { from: 'addin/pane/guard.js', to: 'guard.js' },
        { from: 'addin/pages/help.html', to: 'help.html' },
        { from: 'addin/pages/commands.html', to: 'commands.html' },
        { from: 'addin/pages/commands.js', to: 'commands.js' },
      ],
    }),
  ],
  performance: { hints: false },
  // `npm run start:addin`: https on port 3000 with the Office development certificate
  // (office-addin-dev-certs installs it in the user's trust store on first use).
  ...(env && env.WEBPACK_SERVE
    ? {
        devServer: {
          port: 3000,
          static: path.resolve(__dirname, 'dist/addin'),
          server: { type: 'https', options: await require('office-addin-dev-certs').getHttpsServerOptions() },
        },
      }
    : {}),
});
