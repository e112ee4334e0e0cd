/**
 * `npm run test:contract`: the code against the team's contract in ../shared (the spec's rule
 * catalog, the manifest schemas). Fails, never skips, where ../shared is missing.
 * @type {import('jest').Config}
 */
const base = require('./jest.config');

module.exports = { ...base, roots: ['<rootDir>/test/contract'], testPathIgnorePatterns: ['/node_modules/'] };
