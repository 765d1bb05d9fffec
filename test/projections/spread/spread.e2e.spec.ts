import {
  commandClient,
  CommandClient,
  expectCreated,
  launchProgrammeWith,
  programmeSlug,
  readyToEnrol,
} from '../../commands/command-client';
import { getJson, Problem } from '../../support/http';
import { startTestApp, TestApp } from '../../support/test-app';
import { storeUnderTest } from '../../support/store-under-test';

interface Summary {
  enrolled: number;
  enrolledWithSeniorSupport: number;
  targetMet: boolean | null;
  daysToDeadline: number | null;
  nhsTrusts: { openOnDate: number; enrolledWithSeniorSupport: number; sharePercent: number | null };
  knowledge: { position: number; source: string };
}

const ods = (prefix: string, i: number) => `${prefix}${String(i).padStart(3, '0')}`;

describe(`spread read model over HTTP [${storeUnderTest}, real HTTP]`, () => {
  let t: TestApp;
  let client: CommandClient;
  let lastPosition = 0;

  beforeAll(async () => {
    t = await startTestApp();
    client = commandClient(t.url);
    const trusts = Array.from({ length: 230 }, (_, i) => ods('T', i));
    await launchProgrammeWith(client, trusts);
    for (let i = 0; i < 4; i++) {
      expectCreated(
        await client.post('RegisterOrganisation', {
          odsCode: ods('GP', i),
          name: `Practice ${i}`,
          type: 'GPPractice',
          regionCode: 'Y62',
          isNhsTrust: false,
          openDate: '1990-01-01',
        }),
      );
    }
    expectCreated(
      await client.post('SetEnrolmentTarget', {
        programmeSlug,
        targetId: 'mandate-2017-18',
        metric: 'EnrolledWithSeniorSupport',
        threshold: 100,
        deadline: '2018-03-31',
        setDate: '2017-04-01',
        source: 'NHS Mandate 2017-18',
        denominatorDefinition: 'NHS trusts in England open on the date (ODS register)',
      }),
    );
    for (const odsCode of [...trusts.slice(0, 96), ...Array.from({ length: 4 }, (_, i) => ods('GP', i))]) {
      const participation = await readyToEnrol(client, odsCode);
      const enrolled = await participation.enrol();
      expectCreated(enrolled);
      lastPosition = enrolled.body.position as number;
    }
  }, 120_000);
  afterAll(async () => t.close());

  it('reproduces the headline at 2018-03-31: 100 enrolled with senior support, 96 NHS trusts of the 230 open', async () => {
    const response = await getJson<Summary>(
      t.url,
      `/v1/spread/summary?asOf=2018-03-31&minPosition=${lastPosition}`,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      enrolled: 100,
      enrolledWithSeniorSupport: 100,
      targetMet: true,
      daysToDeadline: 0,
      nhsTrusts: { openOnDate: 230, enrolledWithSeniorSupport: 96, sharePercent: 41.74 },
    });
  });

  it('serves the live model for now, and the same figures as a replay at bounds', async () => {
    const live = await getJson<Summary>(t.url, `/v1/spread/summary?minPosition=${lastPosition}`);
    expect(live.body.knowledge.source).toBe('live');
    expect(live.body.enrolled).toBe(100);
    const replayed = await getJson<Summary>(t.url, '/v1/spread/summary?asOf=2099-12-31');
    expect(replayed.body.knowledge.source).toBe('replay');
    expect(replayed.body.enrolled).toBe(100);
  });

  it('answers zeros for a date before the programme began', async () => {
    const response = await getJson<Summary>(t.url, '/v1/spread/summary?asOf=2014-06-30');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ enrolled: 0, enrolledWithSeniorSupport: 0 });
  });

  it('sees a command’s effect every time when the query waits for its position (100 iterations)', async () => {
    let open = (await getJson<Summary>(t.url, `/v1/spread/summary?minPosition=${lastPosition}`)).body
      .nhsTrusts.openOnDate;
    for (let i = 0; i < 100; i++) {
      const registered = await client.post('RegisterOrganisation', {
        odsCode: ods('RW', i),
        name: `Trust RW${i}`,
        type: 'AcuteTrust',
        regionCode: 'Y58',
        isNhsTrust: true,
        openDate: '2010-01-01',
      });
      const summary = await getJson<Summary>(
        t.url,
        `/v1/spread/summary?minPosition=${registered.body.position as number}`,
      );
      expect(summary.body.nhsTrusts.openOnDate).toBe(++open);
    }
  }, 60_000);

  it('breaks down by region and serves CSV with a header row', async () => {
    const response = await fetch(`${t.url}/v1/spread/breakdown?by=region&asOf=2018-03-31`, {
      headers: { ...t.auth, accept: 'text/csv' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = (await response.text()).trim().split('\n');
    expect(header).toBe('key,label,enrolled,enrolledWithSeniorSupport,nhsTrustsOpen,sharePercent');
    expect(rows).toEqual(['Y56,London,96,96,230,41.74', 'Y62,North West,4,4,0,']);
  });

  it('has a monthly timeline', async () => {
    const response = await getJson<{ items: Array<{ month: string; enrolled: number }> }>(
      t.url,
      '/v1/spread/timeline?asOf=2018-03-31',
    );
    expect(response.body.items.map((r) => [r.month, r.enrolled])).toEqual([
      ['2017-10', 100],
      ['2017-11', 100],
      ['2017-12', 100],
      ['2018-01', 100],
      ['2018-02', 100],
      ['2018-03', 100],
    ]);
  });

  it.each([
    ['an unknown filter', '/v1/spread/summary?colour=red', 400, 'colour'],
    ['a malformed date', '/v1/spread/summary?asOf=31-03-2018', 400, 'asOf'],
    ['an impossible date', '/v1/spread/summary?asOf=2018-02-30', 400, 'asOf'],
    ['minPosition beyond the head', '/v1/spread/summary?minPosition=999999999', 400, 'minPosition'],
    ['an unknown breakdown', '/v1/spread/breakdown?by=colour', 400, 'by'],
  ])('refuses %s with problem+json naming the field', async (_, path, status, field) => {
    const response = await getJson<Problem>(t.url, path);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.errors?.map((e) => e.field)).toContain(field);
  });

  it('answers 404 for an unknown programme', async () => {
    const response = await getJson<Problem>(t.url, '/v1/spread/summary?programme=no-such-programme');
    expect(response.status).toBe(404);
  });
});
