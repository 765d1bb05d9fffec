import { EVENT_STORE, EventStore } from '../../src/event-store';
import { getJson, postCommand, Problem } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { storeUnderTest } from '../support/store-under-test';

const trust = (odsCode: string, extra: Record<string, unknown> = {}) => ({
  odsCode,
  name: `Test Trust ${odsCode}`,
  type: 'AcuteTrust',
  regionCode: 'Y62',
  isNhsTrust: true,
  openDate: '2001-04-01',
  ...extra,
});

describe(`command gateway [${storeUnderTest}, real HTTP]`, () => {
  let t: TestApp;
  let store: EventStore;
  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get<symbol, EventStore>(EVENT_STORE);
  });
  afterAll(async () => t.close());

  const eventCount = async (stream: string): Promise<number> => (await store.readStream(stream)).length;

  it('accepts a command with 201, the stream position and an ETag of the revision', async () => {
    const response = await postCommand(t.url, 'RegisterOrganisation', trust('RA1'), {
      'idempotency-key': 'register-RA1',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"0"');
    expect(response.body).toMatchObject({ streamId: 'organisation-RA1', revision: 0, replayed: false });
    expect(response.body.eventIds).toHaveLength(1);
    const [event] = await store.readStream('organisation-RA1');
    expect(event.position).toBe(response.body.position);
    expect(event.metadata).toMatchObject({
      sourceSystem: 'http-api',
      causationId: 'register-RA1',
      schemaVersion: 1,
    });
  });

  it('answers a retry with the same key 200 with the original result and writes nothing', async () => {
    const first = await postCommand(t.url, 'RegisterOrganisation', trust('RA2'), {
      'idempotency-key': 'k-RA2',
    });
    const again = await postCommand(t.url, 'RegisterOrganisation', trust('RA2'), {
      'idempotency-key': 'k-RA2',
    });
    const viaBody = await postCommand(t.url, 'RegisterOrganisation', { ...trust('RA2'), commandId: 'k-RA2' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(viaBody.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, replayed: true });
    expect(await eventCount('organisation-RA2')).toBe(1);
  });

  it('refuses the same key with a different body with 422 and writes nothing', async () => {
    await postCommand(t.url, 'RegisterOrganisation', trust('RA3'), { 'idempotency-key': 'k-RA3' });
    const reused = await postCommand<Problem>(
      t.url,
      'RegisterOrganisation',
      trust('RA3', { name: 'Other' }),
      {
        'idempotency-key': 'k-RA3',
      },
    );
    expect(reused.status).toBe(422);
    expect(reused.body.type).toBe('urn:always-events:problem:idempotency-key-reused');
    const elsewhere = await postCommand<Problem>(t.url, 'RegisterOrganisation', trust('RA4'), {
      'idempotency-key': 'k-RA3',
    });
    expect(elsewhere.status).toBe(422);
    expect(await eventCount('organisation-RA3')).toBe(1);
    expect(await eventCount('organisation-RA4')).toBe(0);
  });

  it('honours If-Match: the right revision appends, a stale one is 412', async () => {
    await postCommand(t.url, 'RegisterOrganisation', trust('RA5'));
    const ok = await postCommand(
      t.url,
      'RenameOrganisation',
      { odsCode: 'RA5', newName: 'Renamed Once', effectiveDate: '2010-01-01' },
      { 'if-match': '"0"' },
    );
    expect(ok.status).toBe(201);
    expect(ok.headers.get('etag')).toBe('"1"');
    const stale = await postCommand<Problem>(
      t.url,
      'RenameOrganisation',
      { odsCode: 'RA5', newName: 'Renamed Twice', effectiveDate: '2011-01-01' },
      { 'if-match': '"0"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ expectedRevision: 0, actualRevision: 1 });
    expect(await eventCount('organisation-RA5')).toBe(2);
  });

  it('answers a domain rule with 409 problem+json naming the rule', async () => {
    await postCommand(t.url, 'RegisterOrganisation', trust('RA6'));
    const twice = await postCommand<Problem>(t.url, 'RegisterOrganisation', trust('RA6'));
    expect(twice.status).toBe(409);
    expect(twice.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(twice.body).toMatchObject({ rule: 'organisation-already-registered', status: 409 });
    expect(await eventCount('organisation-RA6')).toBe(1);
  });

  it('answers a rule on the content with 422 naming the field', async () => {
    await postCommand(t.url, 'RegisterOrganisation', trust('RA7'));
    const merge = await postCommand<Problem>(t.url, 'RecordMerger', {
      odsCode: 'RA7',
      successorOdsCode: 'ZZZ99',
      effectiveDate: '2019-04-01',
    });
    expect(merge.status).toBe(422);
    expect(merge.body.rule).toBe('merger-successor-not-registered');
    expect(merge.body.errors?.[0].field).toBe('successorOdsCode');
  });

  describe('bad input is refused with 400 naming every field and rule, and nothing is written', () => {
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ['a wrong type', trust('RB1', { isNhsTrust: 'yes' }), 'isNhsTrust', 'is-boolean'],
      ['a missing field', { ...trust('RB2'), name: undefined }, 'name', 'is-string'],
      ['an unknown field', trust('RB3', { colour: 'blue' }), 'colour', 'unknown-field'],
      ['an oversized string', trust('RB4', { name: 'x'.repeat(201) }), 'name', 'max-length'],
      ['an invalid date', trust('RB5', { openDate: '2018-02-30' }), 'openDate', 'is-iso-date'],
      ['a malformed ODS code', trust('rb6'), 'odsCode', 'matches'],
      ['a value outside its set', trust('RB7', { regionCode: 'Y99' }), 'regionCode', 'is-in'],
      [
        'a future occurredAt format error',
        trust('RB8', { occurredAt: 'yesterday' }),
        'occurredAt',
        'is-iso-date-time',
      ],
    ];
    it.each(cases)('%s', async (_, body, field, rule) => {
      const response = await postCommand<Problem>(t.url, 'RegisterOrganisation', body);
      expect(response.status).toBe(400);
      expect(response.body.type).toBe('urn:always-events:problem:validation-error');
      expect(response.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, rule })]),
      );
      expect(await eventCount(`organisation-${String(body.odsCode)}`)).toBe(0);
    });

    it('a body that is not JSON', async () => {
      const response = await postCommand<Problem>(t.url, 'RegisterOrganisation', '{"odsCode": ');
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });

    it('a JSON array instead of an object', async () => {
      const response = await postCommand<Problem>(t.url, 'RegisterOrganisation', [trust('RB9')]);
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]).toMatchObject({ field: '(body)', rule: 'is-object' });
    });

    it('a body over the size limit, with 413', async () => {
      const response = await postCommand<Problem>(
        t.url,
        'RegisterOrganisation',
        trust('RBA', { name: 'x'.repeat(1_100_000) }),
      );
      expect(response.status).toBe(413);
      expect(response.body.status).toBe(413);
    });

    it('malformed headers', async () => {
      const response = await postCommand<Problem>(t.url, 'RegisterOrganisation', trust('RBB'), {
        'idempotency-key': 'has spaces',
        'if-match': '3',
      });
      expect(response.status).toBe(400);
      expect(response.body.errors?.map((e) => e.field)).toEqual(['Idempotency-Key', 'If-Match']);
    });

    it('a commandId that differs from the Idempotency-Key', async () => {
      const response = await postCommand<Problem>(
        t.url,
        'RegisterOrganisation',
        { ...trust('RBC'), commandId: 'a' },
        {
          'idempotency-key': 'b',
        },
      );
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]).toMatchObject({
        field: 'commandId',
        rule: 'matches-idempotency-key',
      });
    });
  });

  it('answers an unknown command with 404 problem+json', async () => {
    const response = await postCommand<Problem>(t.url, 'LaunchRocket', {});
    expect(response.status).toBe(404);
    expect(response.body.type).toBe('urn:always-events:problem:unknown-command');
  });

  it('serves a stream state and its events with metadata', async () => {
    await postCommand(t.url, 'RegisterOrganisation', trust('RC1'), {
      'x-source-system': 'ods-feed',
      'x-correlation-id': 'corr-1',
    });
    const state = await getJson<{ revision: number; state: { name: string } }>(
      t.url,
      '/v1/streams/organisation-RC1',
    );
    expect(state.status).toBe(200);
    expect(state.body.state.name).toBe('Test Trust RC1');
    const events = await getJson<{ events: Array<{ type: string; metadata: Record<string, unknown> }> }>(
      t.url,
      '/v1/streams/organisation-RC1/events',
    );
    expect(events.body.events[0]).toMatchObject({
      type: 'OrganisationRegistered',
      metadata: {
        sourceSystem: 'ods-feed',
        correlationId: 'corr-1',
        actor: 'test-admin',
        actorRole: 'programme-admin',
      },
    });
    expect((await getJson(t.url, '/v1/streams/organisation-NOPE')).status).toBe(404);
  });

  it('lets exactly one of many concurrent registrations win', async () => {
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        postCommand(t.url, 'RegisterOrganisation', trust('RD1'), { 'idempotency-key': `race-${i}` }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(29);
    expect(await eventCount('organisation-RD1')).toBe(1);
  });

  it('documents every command in /openapi.json', async () => {
    const doc = await getJson<{ paths: Record<string, unknown> }>(t.url, '/openapi.json');
    expect(doc.status).toBe(200);
    for (const name of [
      'RegisterOrganisation',
      'RenameOrganisation',
      'ReclassifyOrganisation',
      'RecordMerger',
      'DissolveOrganisation',
    ]) {
      expect(doc.body.paths[`/v1/commands/${name}`]).toBeDefined();
    }
    expect((await fetch(`${t.url}/docs`)).status).toBe(200);
  });

  it('resolves every $ref of /openapi.json, including bodies that only rename their parent class', async () => {
    const doc = await getJson<{ components: { schemas: Record<string, unknown> } }>(t.url, '/openapi.json');
    const refs = [...JSON.stringify(doc.body).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(refs).toEqual(
      expect.arrayContaining(['StartTestingDto', 'StartPdsaCycleDto', 'ResumeAlwaysEventDto']),
    );
    expect(refs.filter((name) => !(name in doc.body.components.schemas))).toEqual([]);
  });

  it('documents query parameters from the rules that check them (a required one as required)', async () => {
    type Parameter = { name: string; in: string; required?: boolean; schema: { enum?: string[] } };
    const doc = await getJson<{
      paths: Record<string, { get: { parameters: Parameter[]; responses: object } }>;
    }>(t.url, '/openapi.json');
    const breakdown = doc.body.paths['/v1/spread/breakdown'].get;
    const by = breakdown.parameters.find((p) => p.name === 'by');
    expect(by).toMatchObject({ in: 'query', required: true });
    expect(by?.schema.enum).toEqual(expect.arrayContaining(['region', 'cohort']));
    expect(breakdown.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['asOf', 'asKnownAt', 'atPosition', 'minPosition', 'programme']),
    );
    expect(Object.keys(breakdown.responses)).toEqual(expect.arrayContaining(['400', '404']));
  });

  it('refuses a command whose required nested object is missing, naming the field', async () => {
    const response = await postCommand<Problem>(t.url, 'AddScaleUpUnit', {
      alwaysEventId: '6f0e9a52-3c1e-4b8e-9d55-0c2d2f9a1b11',
      plannedGoLive: '2018-01-01',
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'unit', rule: 'is-defined' })]);
  });
});

describe(`patient-data guard on commands [${storeUnderTest}, real HTTP]`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('refuses an NHS number in free text with 422 naming the field and pattern, without echoing it, and writes nothing', async () => {
    const response = await postCommand<Problem>(t.url, 'DissolveOrganisation', {
      odsCode: 'RZ1',
      effectiveDate: '2019-01-01',
      reason: 'Patient 943 476 5919 complained',
    });
    expect(response.status).toBe(422);
    expect(response.body.type).toBe('urn:always-events:problem:patient-identifiable-data');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'reason', rule: 'nhs-number' })]);
    const { correlationId: _random, ...problem } = response.body as Problem & { correlationId?: string };
    expect(JSON.stringify(problem)).not.toMatch(/943|476|5919/);
    expect(await t.app.get<symbol, EventStore>(EVENT_STORE).headPosition()).toBe(0);
  });
});
