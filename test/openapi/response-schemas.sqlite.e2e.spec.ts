import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { randomUUID } from 'node:crypto';
import { REGIONS } from '../../src/domain/organisation/organisation-types';
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
    const finding = await postCommand(t.url, 'RecordFinding', {
      evaluationId: data.evaluationId,
      findingId: randomUUID(),
      kind: 'Facilitator',
      text: 'Senior support gave teams permission to start from a blank canvas',
      evidence: { dataCutIds: [dataCutId], alwaysEventIds: [data.longSeries.alwaysEventId] },
    });
    expect(finding.status).toBe(201);
    const report = await postCommand(t.url, 'PublishReport', {
      evaluationId: data.evaluationId,
      title: 'Always Events: what have we learned?',
      publishedOn: '2018-03-30',
      url: 'https://www.picker.org/research-library/evaluation-always-eventsr-programme',
    });
    expect(report.status).toBe(201);
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

  /** A file as the body: its content type and text. */
  interface Upload {
    contentType: string;
    text: string;
  }
  const upload = (value: unknown): value is Upload =>
    typeof value === 'object' && value !== null && 'contentType' in value;

  const samples = (): Array<[string, string, string, unknown?]> => {
    const { alwaysEventId, measureId } = data.longSeries;
    const odsCode = 'RA1';
    return [
      ['GET /v1/spread/summary', 'GET', '/v1/spread/summary'],
      ['GET /v1/spread/summary', 'GET', '/v1/spread/summary?asOf=2018-03-31'],
      ['GET /v1/spread/timeline', 'GET', '/v1/spread/timeline'],
      ['GET /v1/spread/timeline', 'GET', '/v1/spread/timeline?phase=spread'],
      ['GET /v1/spread/breakdown', 'GET', '/v1/spread/breakdown?by=region'],
      ['GET /v1/spread/breakdown', 'GET', '/v1/spread/breakdown?by=setting'],
      ['GET /v1/spread/scale-up-units', 'GET', '/v1/spread/scale-up-units'],
      ['GET /v1/spread/lineage', 'GET', '/v1/spread/lineage'],
      ['GET /v1/spread/cohorts', 'GET', '/v1/spread/cohorts'],
      ['GET /v1/spread/return-compliance', 'GET', '/v1/spread/return-compliance'],
      ['GET /v1/measures/{measureId}/chart', 'GET', `/v1/measures/${measureId}/chart`],
      ['GET /v1/measures/{measureId}/chart', 'GET', `/v1/measures/${measureId}/chart?profile=qic&chart=run`],
      [
        'GET /v1/measures/{measureId}/recalculation-proposals',
        'GET',
        `/v1/measures/${measureId}/recalculation-proposals`,
      ],
      [
        'GET /v1/evaluation/always-events/{alwaysEventId}/driver-diagram',
        'GET',
        `/v1/evaluation/always-events/${alwaysEventId}/driver-diagram`,
      ],
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
      ['GET /v1/organisations', 'GET', '/v1/organisations?limit=5'],
      ['GET /v1/organisations', 'GET', '/v1/organisations?q=demonstration&sort=-enrolledOn&status=enrolled'],
      ['GET /v1/organisations/{odsCode}', 'GET', `/v1/organisations/${odsCode}`],
      ['GET /v1/organisations/{odsCode}', 'GET', '/v1/organisations/D000?asOf=2018-03-31&window=none'],
      ['GET /v1/always-events', 'GET', '/v1/always-events?sort=-progressScore'],
      ['GET /v1/evaluations', 'GET', '/v1/evaluations'],
      ['GET /v1/evaluations/data-cuts', 'GET', `/v1/evaluations/data-cuts?evaluationId=${data.evaluationId}`],
      ['GET /v1/evaluations/findings', 'GET', '/v1/evaluations/findings?q=senior'],
      ['GET /v1/evaluations/reports', 'GET', '/v1/evaluations/reports'],
      ['GET /v1/worklist', 'GET', '/v1/worklist?window=none'],
      ['GET /v1/worklist', 'GET', '/v1/worklist?rule=return-overdue&limit=3'],
      ['GET /v1/reports/programme', 'GET', '/v1/reports/programme?format=json'],
      ['GET /v1/reports/programme', 'GET', `/v1/reports/programme?format=json&dataCutId=${dataCutId}`],
      [
        'POST /v1/imports',
        'POST',
        '/v1/imports?report=all',
        {
          contentType: 'text/csv',
          text: `ods_code,period,submitted_on,measures_reported\n${odsCode},2017-10,2017-11-20,1\n${odsCode},13/2017,2017-11-20,1\n`,
        } satisfies Upload,
      ],
      ['POST /v1/admin/read-models/{name}/rebuild', 'POST', '/v1/admin/read-models/spread/rebuild'],
    ];
  };

  it('gets answers from every route that its schema accepts, field for field', async () => {
    const failures: unknown[] = [];
    const covered = new Set<string>();
    const empty: string[] = [];
    for (const [route, method, path, body] of samples()) {
      const contentType = upload(body) ? body.contentType : 'application/json';
      const response = await fetch(`${t.url}${path}`, {
        method,
        headers: { ...t.auth, ...(body ? { 'content-type': contentType } : {}) },
        body: upload(body) ? body.text : body ? JSON.stringify(body) : undefined,
      });
      const expected = RESPONSE_OF_ROUTE[route];
      const answer = (await response.json()) as unknown;
      const validate = validatorOf(expected.schema);
      if (response.status !== expected.status || !validate(answer)) {
        failures.push({ path, status: response.status, errors: validate.errors?.slice(0, 5) });
      }
      // A list answering no rows would check only its envelope.
      const { items, entries } = answer as { items?: unknown[]; entries?: unknown[] };
      if ((items ?? entries)?.length === 0) empty.push(path);
      covered.add(route);
    }
    expect(failures).toEqual([]);
    expect(empty).toEqual([]);
    expect([...covered].sort()).toEqual(Object.keys(RESPONSE_OF_ROUTE).sort());
  }, 120_000);

  it('lists Always Events of one region, sorted by the day their statement was agreed', async () => {
    type Rows = { items: Array<{ region: string | null; statementAgreedOn: string | null }> };
    const list = async (query: string) => {
      const response = await fetch(`${t.url}/v1/always-events?limit=100${query}`, { headers: t.auth });
      expect(response.status).toBe(200);
      return ((await response.json()) as Rows).items;
    };
    const all = await list('');
    const name = all.find((row) => row.region !== null)?.region;
    const code = Object.entries(REGIONS).find(([, region]) => region === name)?.[0];
    expect(code).toBeDefined();
    const inRegion = await list(`&region=${code}&sort=-statementAgreedOn`);
    expect(inRegion.length).toBe(all.filter((row) => row.region === name).length);
    expect(inRegion.length).toBeGreaterThan(0);
    expect(inRegion.every((row) => row.region === name)).toBe(true);
    const agreed = inRegion.map((row) => row.statementAgreedOn).filter((day): day is string => day !== null);
    expect(agreed.length).toBeGreaterThan(0);
    expect(agreed).toEqual([...agreed].sort().reverse());
    const refused = await fetch(`${t.url}/v1/always-events?region=nowhere`, { headers: t.auth });
    expect(refused.status).toBe(400);
  });
});
