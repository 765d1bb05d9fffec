import type { Role } from '../../src/auth/principal';
import { IMPORT_COLUMNS } from '../../src/imports/import-columns';
import { testKey, TestKey } from '../support/credentials';

export const PROGRAMME = 'always-events-england';
/** The submitter's own organisation, and one outside its scope. */
export const IN_SCOPE = 'RIN';
export const OUT_OF_SCOPE = 'ROUT';

/** One credential per role; the submitter's covers IN_SCOPE only, the others every organisation. */
export const KEYS: Record<Role, TestKey> = {
  'programme-admin': testKey('matrix-admin', 'programme-admin'),
  submitter: testKey('matrix-submitter', 'submitter', [IN_SCOPE]),
  analyst: testKey('matrix-analyst', 'analyst'),
  evaluator: testKey('matrix-evaluator', 'evaluator'),
  auditor: testKey('matrix-auditor', 'auditor'),
  metrics: testKey('matrix-metrics', 'metrics'),
};

export const apiKeysEnv = (): string => JSON.stringify(Object.values(KEYS).map((k) => k.entry));

/** A RegisterOrganisation body for an acute trust. */
export const trustBody = (odsCode: string) => ({
  odsCode,
  name: `NHS trust ${odsCode}`,
  type: 'AcuteTrust',
  regionCode: 'Y56',
  isNhsTrust: true,
  openDate: '2005-04-01',
});

export interface Sample {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** The sample names something that does not exist: an authorised caller gets exactly 404. */
  absent?: boolean;
  /** It names what the test registered today: as known at a date in 2018 it did not exist (404). */
  unknownBefore2018?: boolean;
  /** A body sent as is with this content type, not as JSON. */
  raw?: { contentType: string; text: string };
}

const series = Array.from({ length: 12 }, (_, i) => ({ value: (i * 37) % 11 }));

/**
 * A valid request for each route that is not a command, concerning the given
 * organisation where the route can. A route Nest registers without a sample
 * here fails the matrix: add one with its policy.
 */
/** An id nothing has: authorised callers get a 404 problem (see `absent`). */
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

export const ROUTE_SAMPLES: Record<string, (odsCode: string) => Sample> = {
  'GET /health/live': () => ({ method: 'GET', path: '/health/live' }),
  'GET /health/ready': () => ({ method: 'GET', path: '/health/ready' }),
  'GET /': () => ({ method: 'GET', path: '/' }),
  'GET /assets/*': () => ({ method: 'GET', path: '/assets/no-such-file.js', absent: true }),
  'GET /v1/streams/:streamId': (ods) => ({ method: 'GET', path: `/v1/streams/organisation-${ods}` }),
  'GET /v1/streams/:streamId/events': (ods) => ({
    method: 'GET',
    path: `/v1/streams/organisation-${ods}/events`,
  }),
  'GET /v1/history/changes': () => ({ method: 'GET', path: '/v1/history/changes?since=2000-01-01' }),
  'GET /v1/export/events': (ods) => ({ method: 'GET', path: `/v1/export/events?organisation=${ods}` }),
  'POST /v1/analytics/spc': () => ({
    method: 'POST',
    path: '/v1/analytics/spc',
    body: { chart: 'run', profile: 'ihi', points: series },
  }),
  'GET /v1/spread/summary': () => ({ method: 'GET', path: '/v1/spread/summary' }),
  'GET /v1/spread/timeline': () => ({ method: 'GET', path: '/v1/spread/timeline' }),
  'GET /v1/spread/breakdown': () => ({ method: 'GET', path: '/v1/spread/breakdown?by=region' }),
  'GET /v1/spread/scale-up-units': () => ({ method: 'GET', path: '/v1/spread/scale-up-units' }),
  'GET /v1/spread/lineage': () => ({ method: 'GET', path: '/v1/spread/lineage' }),
  'GET /v1/spread/cohorts': () => ({ method: 'GET', path: '/v1/spread/cohorts' }),
  'GET /v1/spread/return-compliance': () => ({ method: 'GET', path: '/v1/spread/return-compliance' }),
  'GET /v1/measures/:measureId/chart': () => ({
    method: 'GET',
    path: `/v1/measures/${NO_SUCH_ID}/chart`,
    absent: true,
  }),
  'GET /v1/measures/:measureId/chart.svg': () => ({
    method: 'GET',
    path: `/v1/measures/${NO_SUCH_ID}/chart.svg`,
    absent: true,
  }),
  'GET /v1/measures/:measureId/chart.png': () => ({
    method: 'GET',
    path: `/v1/measures/${NO_SUCH_ID}/chart.png`,
    absent: true,
  }),
  'GET /v1/measures/:measureId/recalculation-proposals': () => ({
    method: 'GET',
    path: `/v1/measures/${NO_SUCH_ID}/recalculation-proposals`,
    absent: true,
  }),
  'GET /v1/evaluation/always-events/:alwaysEventId/driver-diagram': () => ({
    method: 'GET',
    path: `/v1/evaluation/always-events/${NO_SUCH_ID}/driver-diagram`,
    absent: true,
  }),
  'GET /v1/evaluation/data-cuts/:dataCutId': () => ({
    method: 'GET',
    path: `/v1/evaluation/data-cuts/${NO_SUCH_ID}`,
    absent: true,
  }),
  'GET /v1/evaluation/data-cuts/:dataCutId/verify': () => ({
    method: 'GET',
    path: `/v1/evaluation/data-cuts/${NO_SUCH_ID}/verify`,
    absent: true,
  }),
  'GET /v1/evaluation/data-cuts/:dataCutId/read-models/:readModel': () => ({
    method: 'GET',
    path: `/v1/evaluation/data-cuts/${NO_SUCH_ID}/read-models/spread`,
    absent: true,
  }),
  'GET /v1/admin/read-models': () => ({ method: 'GET', path: '/v1/admin/read-models' }),
  'GET /v1/participation/contacts': () => ({ method: 'GET', path: '/v1/participation/contacts' }),
  'POST /v1/admin/redactions': (ods) => ({
    method: 'POST',
    path: '/v1/admin/redactions',
    body: {
      redactionId: NO_SUCH_ID,
      streamId: `organisation-${ods}`,
      eventId: NO_SUCH_ID,
      fields: ['name'],
      reason: 'authorisation matrix',
    },
    absent: true,
  }),
  'GET /metrics': () => ({ method: 'GET', path: '/metrics' }),
  'GET /v1/evaluation/always-events': () => ({ method: 'GET', path: '/v1/evaluation/always-events' }),
  'GET /v1/evaluation/always-events/:alwaysEventId': () => ({
    method: 'GET',
    path: `/v1/evaluation/always-events/${NO_SUCH_ID}`,
    absent: true,
  }),
  'GET /v1/evaluation/funnel': () => ({ method: 'GET', path: '/v1/evaluation/funnel' }),
  'GET /v1/evaluation/pdsa-learning': () => ({ method: 'GET', path: '/v1/evaluation/pdsa-learning' }),
  'GET /v1/evaluation/co-production': () => ({ method: 'GET', path: '/v1/evaluation/co-production' }),
  'GET /v1/evaluation/progress-scores': () => ({ method: 'GET', path: '/v1/evaluation/progress-scores' }),
  'POST /v1/imports': () => ({
    method: 'POST',
    path: '/v1/imports',
    // The template's header and no rows: a file every caller allowed to import may send.
    raw: { contentType: 'text/csv', text: `${IMPORT_COLUMNS.join(',')}\n` },
  }),
  'GET /v1/imports/template': () => ({ method: 'GET', path: '/v1/imports/template' }),
  'GET /v1/organisations': () => ({ method: 'GET', path: '/v1/organisations' }),
  'GET /v1/organisations/:odsCode': (ods) => ({
    method: 'GET',
    path: `/v1/organisations/${ods}`,
    unknownBefore2018: true,
  }),
  'GET /v1/always-events': () => ({ method: 'GET', path: '/v1/always-events' }),
  'GET /v1/evaluations': () => ({ method: 'GET', path: '/v1/evaluations' }),
  'GET /v1/evaluations/data-cuts': () => ({ method: 'GET', path: '/v1/evaluations/data-cuts' }),
  'GET /v1/evaluations/findings': () => ({ method: 'GET', path: '/v1/evaluations/findings' }),
  'GET /v1/evaluations/reports': () => ({ method: 'GET', path: '/v1/evaluations/reports' }),
  'GET /v1/worklist': () => ({ method: 'GET', path: '/v1/worklist' }),
  'GET /v1/reports/programme': () => ({ method: 'GET', path: '/v1/reports/programme' }),
  'POST /v1/admin/read-models/:name/rebuild': () => ({
    method: 'POST',
    path: '/v1/admin/read-models/no-such-model/rebuild',
    absent: true,
  }),
};

export interface Reply {
  status: number;
  contentType: string;
  text: string;
}

export async function send(url: string, sample: Sample, key?: string): Promise<Reply> {
  const response = await fetch(`${url}${sample.path}`, {
    method: sample.method,
    headers: {
      ...(sample.raw ? { 'content-type': sample.raw.contentType } : {}),
      ...(sample.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: sample.raw ? sample.raw.text : sample.body === undefined ? undefined : JSON.stringify(sample.body),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

/** What the matrix expects: an exact status, or "let through" (any status but 401/403, and no 5xx). */
export type Expected = 401 | 403 | 'allowed';

export function describeOutcome(reply: Reply, expected: Expected): { ok: boolean; got: number } {
  const ok =
    expected === 'allowed'
      ? reply.status !== 401 && reply.status !== 403 && reply.status < 500
      : reply.status === expected && reply.contentType.startsWith('application/problem+json');
  return { ok, got: reply.status };
}
