/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testRegex: '\\.(unit|int|e2e)\\.spec\\.ts$',
  transform: { '^.+\\.(t|j|mj)s$': '<rootDir>/test/support/jest-transform.cjs' },
  // Our transformer decides per file: ESM packages are compiled, CommonJS ones pass through.
  transformIgnorePatterns: [],
  testTimeout: 30_000,
};
