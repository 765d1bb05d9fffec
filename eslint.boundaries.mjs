/**
 * The layers of src/ and what each may import (docs/architecture/layout.md).
 * Every folder of src/ belongs to one layer; a file belongs to the first
 * folder listed that holds it, and the files at src/ itself are the
 * composition root. An import the policies do not allow fails the lint.
 */
export const LAYERS = {
  // Pure: no framework, no I/O, nothing of the application.
  domain: ['src/domain'],
  analytics: ['src/analytics'],
  // Neutral helpers both sides use: clock, problem types, validation, canonical JSON, patient-data screening.
  shared: ['src/shared', 'src/privacy'],
  // Write side: command definitions, the gateway, the handler.
  write: ['src/commands'],
  // Read side: read models and their queries, and the charts drawn from them; history (export, changes,
  // data cuts) folds them; the board pack reports them; the SPC endpoint.
  projections: ['src/projections', 'src/chart-images'],
  history: ['src/history'],
  reports: ['src/reports'],
  'analytics-api': ['src/analytics-api'],
  // The read side's response bodies as types, from which /openapi.json's response schemas are generated.
  'read-contract': ['src/openapi/responses'],
  // Files of monthly returns and measurements, admitted row by row through the gateway: an adapter whose
  // report the read contract names (as types only).
  imports: ['src/imports'],
  // What drives or presents the application from outside: Kafka, health, the dashboard, the register seed,
  // redaction, the API document. The CLI is a process entry point: see root.
  adapter: [
    'src/kafka',
    'src/health',
    'src/dashboard',
    'src/personal-data/redaction',
    'src/register',
    'src/openapi',
  ],
  // Services both sides use, that know neither: auth, config, HTTP helpers, security, metrics, state,
  // leases, personal-data keys, the trust register extract, and the store's wiring.
  platform: [
    'src/event-store/wiring',
    'src/auth',
    'src/config',
    'src/coordination',
    'src/http',
    'src/logging',
    'src/metrics',
    'src/personal-data',
    'src/security',
    'src/state',
    'src/trust-register',
    'src/types',
  ],
  // The log behind its port, and its adapters: knows no aggregate (upcasters come from the root).
  store: ['src/event-store'],
  // The composition root: the process entry points (main.ts, app.module.ts, app.factory.ts, the CLI).
  root: ['src/cli', 'src'],
};

const PURE = ['domain', 'analytics'];
const BELOW_THE_SIDES = [...PURE, 'shared', 'store', 'platform'];
const READ_SIDE = ['projections', 'history', 'reports', 'analytics-api', 'read-contract'];

/** Which layers each layer may import (itself included). */
export const MAY_IMPORT = {
  domain: ['domain'],
  analytics: ['analytics', 'domain'],
  shared: ['shared', 'domain'],
  store: ['store', 'shared'],
  platform: ['platform', ...PURE, 'shared', 'store'],
  write: ['write', ...BELOW_THE_SIDES],
  projections: ['projections', 'read-contract', ...BELOW_THE_SIDES],
  history: ['history', 'projections', 'read-contract', ...BELOW_THE_SIDES],
  reports: ['reports', 'history', 'projections', 'read-contract', ...BELOW_THE_SIDES],
  'analytics-api': ['analytics-api', ...BELOW_THE_SIDES],
  'read-contract': ['read-contract', 'projections', 'history', 'reports', ...PURE, 'shared'],
  imports: ['imports', 'write', ...READ_SIDE, ...BELOW_THE_SIDES],
  adapter: ['adapter', 'write', ...READ_SIDE, ...BELOW_THE_SIDES],
  root: Object.keys(LAYERS),
};

export const boundaryElements = Object.entries(LAYERS)
  .flatMap(([type, folders]) => folders.map((pattern) => ({ type, pattern, partialMatch: false })))
  // The catch-all `src` (the root's own files) last, so every folder listed finds its own layer first.
  .sort((a, b) => (a.pattern === 'src') - (b.pattern === 'src'));

export const boundaryPolicies = [
  ...Object.entries(MAY_IMPORT).map(([from, to]) => ({
    from: { element: { type: from } },
    allow: { to: { element: { types: { anyOf: to } } } },
  })),
  // The import report's body is part of the response contract: named there, built by the import path.
  {
    from: { element: { type: 'read-contract' } },
    allow: { to: { element: { types: { anyOf: ['imports'] } } }, dependency: { kind: 'type' } },
  },
];
