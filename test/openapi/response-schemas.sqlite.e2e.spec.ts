import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { randomUUID } from 'node:crypto';
import { RESPONSE_OF_ROUTE } from '../../src/openapi/response-routes';
import { DashboardData, fillDashboardData } from '../dashboard/support/dashboard-data';
import { postCommand } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

interface Document {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
  >;
  components: { schemas: Record<string, unknown> };
}

/**
 * Every query route documented with the schema of its answer, and real
 * answers, on a store filled through the commands, checked against the
 * schemas /openapi.json itself serves: the document says what the service
 * answers, exactly (unknown fields are refused by the schemas).
 */
describe('the answers the API document describes [sqlite: embedded file store, real HTTP]', () => {
  let t: TestApp;
  let data: DashboardData;
  let document: Document;
  let validatorOf: (schema: string) => ValidateFunction;
  const dataCutId = randomUUID();

  beforeAll(async () => {
    t = await startTestApp();
    data = await fillDashboardData(t.url, { trusts: 12 });
    const cut = await postCommand(t.url, 'TakeDataCut', {
      evaluationId: data.evaluationId,
      dataCutId,
      asOf: '2018-03-31',
    });
    expect(cut.status).toBe(201);
    document = (await (await fetch(`${t.url}/openapi.json`)).json()) as Document;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      ajv.addSchema(schema as object, `#/components/schemas/${name}`);
    }
    validatorOf = (schema) => ajv.getSchema(`#/components/schemas/${schema}`) as ValidateFunction;
  }, 180_000);
  afterAll(async () => t?.close());

  it('documents each query route with its own response schema', () => {
    for (const [route, { status, schema }] of Object.entries(RESPONSE_OF_ROUTE)) {
      const [method, path] = route.split(' ');
      const content = document.paths[path]?.[method.toLowerCase()]?.responses[String(status)]?.content;
      expect({ route, schema: content?.['application/json']?.schema }).toEqual({
        route,
        schema: { $ref: `#/components/schemas/${schema}` },
      });
    }
  });

  it('leaves no GET route of the document without a JSON, CSV, NDJSON or text schema for its success', () => {
    const bare = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => method === 'get')
        .filter(([, operation]) => {
          const ok = operation.responses['200']?.content ?? {};
          const json = ok['application/json']?.schema as { type?: string; properties?: object } | undefined;
          const generic = json !== undefined && json.type === 'object' && json.properties === undefined;
          return Object.keys(ok).length === 0 || generic;
        })
        .map(() => path),
    );
    expect(bare).toEqual([]);
  });

  const samples = (): Array<[string, string, string, unknown?]> => {
    const { alwaysEventId, measureId } = data.longSeries;
    return [
      ['GET /v1/spread/summary', 'GET', '/v1/spread/summary'],
      ['GET /v1/spread/summary', 'GET', '/v1/spread/summary?asOf=2018-03-31'],
      ['GET /v1/spread/timeline', 'GET', '/v1/spread/timeline'],
      ['GET /v1/spread/breakdown', 'GET', '/v1/spread/breakdown?by=region'],
      ['GET /v1/spread/breakdown', 'GET', '/v1/spread/breakdown?by=setting'],
      ['GET /v1/spread/scale-up-units', 'GET', '/v1/spread/scale-up-units'],
      ['GET /v1/spread/lineage', 'GET', '/v1/spread/lineage'],
      ['GET /v1/spread/return-compliance', 'GET', '/v1/spread/return-compliance'],
      ['GET /v1/measures/{measureId}/chart', 'GET', `/v1/measures/${measureId}/chart`],
      ['GET /v1/measures/{measureId}/chart', 'GET', `/v1/measures/${measureId}/chart?profile=qic&chart=run`],
      ['GET /v1/evaluation/always-events', 'GET', '/v1/evaluation/always-events'],
      [
        'GET /v1/evaluation/always-events/{alwaysEventId}',
        'GET',
        `/v1/evaluation/always-events/${alwaysEventId}`,
      ],
      ['GET /v1/evaluation/funnel', 'GET', '/v1/evaluation/funnel'],
      ['GET /v1/evaluation/pdsa-learning', 'GET', '/v1/evaluation/pdsa-learning'],
      ['GET /v1/evaluation/co-production', 'GET', '/v1/evaluation/co-production'],
      ['GET /v1/evaluation/progress-scores', 'GET', '/v1/evaluation/progress-scores'],
      ['GET /v1/evaluation/data-cuts/{dataCutId}', 'GET', `/v1/evaluation/data-cuts/${dataCutId}`],
      [
        'GET /v1/evaluation/data-cuts/{dataCutId}/verify',
        'GET',
        `/v1/evaluation/data-cuts/${dataCutId}/verify`,
      ],
      [
        'GET /v1/evaluation/data-cuts/{dataCutId}/read-models/{readModel}',
        'GET',
        `/v1/evaluation/data-cuts/${dataCutId}/read-models/always-event-register`,
      ],
      ['GET /v1/history/changes', 'GET', '/v1/history/changes?since=2000-01-01&limit=50'],
      ['GET /v1/participation/contacts', 'GET', '/v1/participation/contacts'],
      ['GET /v1/admin/read-models', 'GET', '/v1/admin/read-models'],
      [
        'POST /v1/analytics/spc',
        'POST',
        '/v1/analytics/spc',
        {
          chart: 'xmr',
          profile: 'mdc',
          improvementDirection: 'increase',
          points: [3, 5, 4, 6, 8, 7, 9, 12, 11, 13, 12, 14].map((value, i) => ({
            date: `2024-${i + 1}`,
            value,
          })),
        },
      ],
      ['POST /v1/admin/read-models/{name}/rebuild', 'POST', '/v1/admin/read-models/spread/rebuild'],
    ];
  };

  it('gets answers from every route that its schema accepts, field for field', async () => {
    const failures: unknown[] = [];
    const covered = new Set<string>();
    for (const [route, method, path, body] of samples()) {
      const response = await fetch(`${t.url}${path}`, {
        method,
        headers: { ...t.auth, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const expected = RESPONSE_OF_ROUTE[route];
      const answer = (await response.json()) as unknown;
      const validate = validatorOf(expected.schema);
      if (response.status !== expected.status || !validate(answer)) {
        failures.push({ path, status: response.status, errors: validate.errors?.slice(0, 5) });
      }
      covered.add(route);
    }
    expect(failures).toEqual([]);
    expect([...covered].sort()).toEqual(Object.keys(RESPONSE_OF_ROUTE).sort());
  }, 120_000);
});
