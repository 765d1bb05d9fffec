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

/**
 * e2e specs whose subject is not the event store: what they check is decided
 * before any append (authentication, authorisation, headers and limits, file
 * refusals, CSV cells, the SPC engine) or in child processes that always use
 * the embedded store (start-up logs, the API-key CLI). On the wire double they
 * would repeat the same checks at three to four times the cost, so they run on
 * the embedded store only. The store's own semantics stay covered on both:
 * the conformance suite, and every e2e spec not listed here.
 */
const STORE_AGNOSTIC = [
  'test/auth/api-key-cli.e2e.spec.ts',
  'test/auth/authorisation-matrix.e2e.spec.ts',
  'test/auth/bad-credentials.e2e.spec.ts',
  'test/auth/dev-key.e2e.spec.ts',
  'test/auth/jwt.e2e.spec.ts',
  'test/security/limits-and-headers.e2e.spec.ts',
  'test/security/openapi-security.e2e.spec.ts',
  'test/analytics-api/spc-endpoint.e2e.spec.ts',
  'test/imports/bad-files.e2e.spec.ts',
  'test/kafka/kafka-wiring.e2e.spec.ts',
  'test/projections/csv-injection.e2e.spec.ts',
];
const literal = (path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30_000,
  // Most suites wait at times on HTTP, child processes or the broker: on two cores a third worker fills
  // those waits (jest alone, measured 2026-12-07: 754 s with two workers, 665 s with three, 699 s with four).
  maxWorkers: 3,
  // The suites that take minutes start first, so no worker ends the run alone.
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
      testPathIgnorePatterns: [
        '\\.sqlite\\.e2e\\.spec\\.ts$',
        ...STORE_AGNOSTIC.map((path) => `/${literal(path)}$`),
      ],
      setupFiles: ['<rootDir>/test/support/e2e/env-esdb.ts'],
    },
  ],
};
