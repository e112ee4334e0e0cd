/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 30000,
  // Two suites at a time (jest's default is one less than the cores: one on the 2-core CI): the
  // longest suites wait on LibreOffice, Gnumeric and Chromium, other processes.
  maxWorkers: 2,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: false }] },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  // The checks against the team's contract in ../shared: `npm run test:contract` (jest.contract.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/contract/'],
};
