import { postCommand, getJson } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { storeUnderTest } from '../support/store-under-test';

const trust = (odsCode: string, openDate = '2001-04-01') => ({
  odsCode,
  name: `Trust ${odsCode}`,
  type: 'AcuteTrust',
  regionCode: 'Y56',
  isNhsTrust: true,
  openDate,
  occurredAt: `${openDate}T00:00:00Z`,
});

describe(`history: NDJSON export and what changed [${storeUnderTest}, real HTTP]`, () => {
  let t: TestApp;
  let since: string;
  beforeAll(async () => {
    t = await startTestApp();
    await postCommand(t.url, 'RegisterOrganisation', trust('RX1'));
    await postCommand(t.url, 'RegisterOrganisation', trust('RX2', '2015-04-01'));
    await new Promise((r) => setTimeout(r, 20));
    since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await postCommand(t.url, 'RenameOrganisation', {
      odsCode: 'RX1',
      newName: 'Renamed',
      effectiveDate: '2016-01-01',
      occurredAt: '2016-01-01T00:00:00Z',
    });
    // Recorded now, about now: the one change that is new rather than backdated.
    await postCommand(t.url, 'RegisterOrganisation', {
      ...trust('RX3'),
      occurredAt: new Date().toISOString(),
    });
  });
  afterAll(async () => t.close());

  async function ndjson(query: string): Promise<
    Array<
      {
        type: string;
        streamId: string;
        data: { newName?: string };
        metadata: Record<string, unknown>;
      } & Record<string, unknown>
    >
  > {
    const response = await fetch(`${t.url}/v1/export/events${query}`, { headers: t.auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const text = await response.text();
    return text.trim() === ''
      ? []
      : text
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line));
  }

  it('streams every event with its envelope and both timestamps', async () => {
    const events = await ndjson('');
    expect(events.map((e) => e.type)).toEqual([
      'OrganisationRegistered',
      'OrganisationRegistered',
      'OrganisationRenamed',
      'OrganisationRegistered',
    ]);
    expect(events[0]).toMatchObject({
      streamId: 'organisation-RX1',
      revision: 0,
      metadata: { occurredAt: '2001-04-01T00:00:00Z', sourceSystem: 'http-api' },
    });
    expect(events[0].metadata.recordedAt).toEqual(expect.any(String));
  });

  it('filters by business time, knowledge time, type and organisation', async () => {
    expect((await ndjson('?asOf=2010-12-31')).map((e) => e.streamId)).toEqual(['organisation-RX1']);
    expect((await ndjson(`?asKnownAt=${encodeURIComponent(since)}`)).map((e) => e.streamId)).toEqual([
      'organisation-RX1',
      'organisation-RX2',
    ]);
    expect((await ndjson('?type=OrganisationRenamed')).map((e) => e.data.newName)).toEqual(['Renamed']);
    expect((await ndjson('?organisation=RX1')).map((e) => e.type)).toEqual([
      'OrganisationRegistered',
      'OrganisationRenamed',
    ]);
    expect(await ndjson('?asOf=1990-01-01')).toEqual([]);
  });

  it('refuses unknown or malformed parameters with 400 naming them', async () => {
    for (const query of ['?asOf=31/03/2018', '?colour=red', '?category=patients', '?organisation=x']) {
      const response = await getJson<{ errors: Array<{ field: string }> }>(
        t.url,
        `/v1/export/events${query}`,
      );
      expect(response.status).toBe(400);
      expect(response.body.errors.length).toBeGreaterThan(0);
    }
  });

  it('lists what became known since a moment, marking backdated facts', async () => {
    const changes = await getJson<{
      counts: Record<string, number>;
      items: Array<{ kind: string; streamId: string }>;
    }>(t.url, `/v1/history/changes?since=${encodeURIComponent(since)}`);
    expect(changes.status).toBe(200);
    expect(changes.body.items.map((i) => [i.kind, i.streamId])).toEqual([
      ['backdated', 'organisation-RX1'],
      ['new', 'organisation-RX3'],
    ]);
    expect(changes.body.counts).toEqual({ new: 1, backdated: 1, correction: 0 });
    const csv = await fetch(`${t.url}/v1/history/changes?since=${encodeURIComponent(since)}`, {
      headers: { accept: 'text/csv', ...t.auth },
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0].split(',')).toEqual(expect.arrayContaining(['kind', 'type', 'streamId', 'recordedAt']));
    expect(lines).toHaveLength(3);
  });

  it('pages the changes, counting the whole window whatever the page', async () => {
    type Changes = {
      counts: Record<string, number>;
      items: Array<{ kind: string; position: number }>;
      page: { offset: number; limit: number; total: number };
    };
    // Everything recorded since the first day: every event of the log.
    const all = await getJson<Changes>(t.url, '/v1/history/changes?since=2000-01-01&limit=1000');
    expect(all.body.items.length).toBeGreaterThanOrEqual(4);
    expect(all.body.page.total).toBe(all.body.items.length);
    const page = await getJson<Changes>(t.url, '/v1/history/changes?since=2000-01-01&offset=1&limit=2');
    expect(page.body.items).toEqual(all.body.items.slice(1, 3));
    expect(page.body.page).toEqual({ offset: 1, limit: 2, total: all.body.page.total });
    expect(page.body.counts).toEqual(all.body.counts);
    const beyond = await getJson<Changes>(
      t.url,
      `/v1/history/changes?since=2000-01-01&offset=${all.body.page.total}`,
    );
    expect(beyond.body.items).toEqual([]);
    expect(beyond.body.page.total).toBe(all.body.page.total);
  });

  it('reads since as a lower bound: a date from the start of that day, included; a date-time strictly after it', async () => {
    const [last] = (await ndjson('')).slice(-1) as unknown as Array<{
      streamId: string;
      metadata: { recordedAt: string };
    }>;
    const changed = async (sinceValue: string) =>
      (
        await getJson<{ since: string; items: Array<{ streamId: string }> }>(
          t.url,
          `/v1/history/changes?since=${encodeURIComponent(sinceValue)}`,
        )
      ).body;
    const day = last.metadata.recordedAt.slice(0, 10);
    const byDate = await changed(day);
    expect(byDate.since).toBe(`${day}T00:00:00.000Z`);
    expect(byDate.items.map((i) => i.streamId)).toContain(last.streamId);
    const byInstant = await changed(last.metadata.recordedAt);
    expect(byInstant.since).toBe(last.metadata.recordedAt);
    expect(byInstant.items.map((i) => i.streamId)).not.toContain(last.streamId);
  });

  it('says an unknown query parameter is not one of the route, naming those it takes', async () => {
    const response = await getJson<{ errors: Array<{ field: string; rule: string; message: string }> }>(
      t.url,
      '/v1/history/changes?since=2018-01-01&sinse=2018-01-01',
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        field: 'sinse',
        rule: 'unknown-field',
        message:
          'sinse is not a query parameter of this route (it takes since, category, asOf, asKnownAt, atPosition, minPosition, limit, offset)',
      },
    ]);
  });
});
