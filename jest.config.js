/**
 * Three projects:
 * - unit+int: every *.unit.spec.ts and *.int.spec.ts; the conformance suite
 *   against a real EventStoreDB (esdb-real.int.spec.ts) only when
 *   EVENTSTORE_CONNECTION_STRING is set (`npm run test:esdb-real`);
 * - the API e2e specs twice, on the embedded SQLite store and on EventStoreDB
 *   through the real client against the gRPC wire double. A spec that only
 *   makes sense on one store says so in its name: *.sqlite.e2e.spec.ts or
 *   *.esdb.e2e.spec.ts.
 */
const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.(t|j|mj)s$': '<rootDir>/test/support/jest-transform.cjs' },
  // Our transformer decides per file: ESM packages are compiled, CommonJS ones pass through.
  transformIgnorePatterns: [],
  testTimeout: 30_000,
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30_000,
  // Most suites wait on HTTP, child processes or the broker: two workers keep both cores busy.
  maxWorkers: 2,
  // The suites that take minutes start first, so neither worker ends the run alone.
  testSequencer: '<rootDir>/test/support/slow-first-sequencer.cjs',
  // Every test name says which store it ran against; CI logs should show them.
  verbose: true,
  // And a JUnit report for CI tools that read one (test-artifacts/ is not committed).
  reporters: ['default', ['jest-junit', { outputDirectory: 'test-artifacts', outputName: 'junit.xml' }]],
  projects: [
    {
      ...shared,
      displayName: 'unit+int',
      testRegex: '\\.(unit|int)\\.spec\\.ts$',
      testPathIgnorePatterns: process.env.EVENTSTORE_CONNECTION_STRING
        ? []
        : ['/esdb-real\\.int\\.spec\\.ts$'],
    },
    {
      ...shared,
      displayName: 'e2e [sqlite: embedded file store]',
      testRegex: '\\.e2e\\.spec\\.ts$',
      testPathIgnorePatterns: ['\\.esdb\\.e2e\\.spec\\.ts$'],
      setupFiles: ['<rootDir>/test/support/e2e/env-sqlite.ts'],
    },
    {
      ...shared,
      displayName: 'e2e [esdb: @eventstore/db-client → gRPC wire double]',
      testRegex: '\\.e2e\\.spec\\.ts$',
      testPathIgnorePatterns: ['\\.sqlite\\.e2e\\.spec\\.ts$'],
      setupFiles: ['<rootDir>/test/support/e2e/env-esdb.ts'],
    },
  ],
};
