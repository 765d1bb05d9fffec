const { join } = require('node:path');

/**
 * The dashboard's browser tests: Debian's Chromium driven by playwright-core
 * against the whole service on the embedded store. Run by `npm test` after
 * the other suites (`npm run test:browser`), one file at a time: Chromium and
 * the service share the machine's two cores.
 */
module.exports = {
  rootDir: join(__dirname, '..', '..', '..'),
  roots: ['<rootDir>/test/dashboard/browser'],
  testRegex: '\\.browser\\.spec\\.ts$',
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': '<rootDir>/test/support/jest-transform.cjs' },
  transformIgnorePatterns: [],
  setupFiles: ['<rootDir>/test/support/e2e/env-sqlite.ts'],
  displayName: 'browser [Chromium: dashboard]',
  maxWorkers: 1,
  testTimeout: 60_000,
  verbose: true,
  reporters: [
    'default',
    ['jest-junit', { outputDirectory: 'test-artifacts', outputName: 'junit-browser.xml' }],
  ],
};
