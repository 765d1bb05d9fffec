import { randomUUID } from 'node:crypto';
import {
  commandClient,
  CommandClient,
  expectCreated,
  launchProgrammeWith,
  programmeSlug,
} from '../commands/command-client';
import { ALL_COMMITMENTS, CHIEF_NURSE } from '../domain/participation/participation-fixtures';
import { getJson } from '../support/http';
import { storeUnderTest } from '../support/store-under-test';
import { startTestApp, TestApp } from '../support/test-app';

interface Summary {
  enrolled: number;
  enrolledWithSeniorSupport: number;
  nhsTrusts: { openOnDate: number; enrolledWithSeniorSupport: number; sharePercent: number | null };
  knowledge: { source: string };
}

/**
 * Evaluators' time machine: enrolments through 2017–18, March 2018 returns
 * recorded late in April, an enrolment recorded in May that happened in March.
 * The service's clock is pinned so each fact is recorded on its day.
 */
describe(`time travel: as of a date, as known at a date [${storeUnderTest}, real HTTP]`, () => {
  let t: TestApp;
  let client: CommandClient;
  let clock = new Date('2017-01-02T09:00:00Z');
  const at = (instant: string) => {
    clock = new Date(instant);
  };
  const evaluationId = randomUUID();
  const aprilCut = randomUUID();
  const trusts = Array.from({ length: 10 }, (_, i) => `TT${i}`);

  /** Enrols on a date, recorded at `recordedAt` (default: that day). */
  async function enrol(odsCode: string, on: string, recordedAt = `${on}T10:00:00Z`): Promise<void> {
    at(recordedAt);
    const dated = { programmeSlug, odsCode };
    expectCreated(await client.post('ExpressInterest', { ...dated, expressedOn: on }));
    expectCreated(
      await client.post('ConfirmExecutiveSponsor', { ...dated, sponsor: CHIEF_NURSE, confirmedOn: on }),
    );
    expectCreated(
      await client.post('SignParticipationCommitment', {
        ...dated,
        commitments: ALL_COMMITMENTS,
        signedOn: on,
      }),
    );
    expectCreated(
      await client.post('EnrolOrganisation', {
        ...dated,
        enrolledOn: on,
        phaseId: 'spread',
        enrolmentRoute: 'Direct',
      }),
    );
  }

  beforeAll(async () => {
    t = await startTestApp({}, { now: () => clock });
    client = commandClient(t.url);
    at('2016-12-01T09:00:00Z');
    await launchProgrammeWith(client, trusts);
    // Enrolments through 2017 and early 2018, each recorded on its day.
    const dates = [
      '2017-03-01',
      '2017-06-15',
      '2017-09-01',
      '2017-11-20',
      '2018-01-10',
      '2018-02-05',
      '2018-03-12',
    ];
    for (const [i, on] of dates.entries()) await enrol(trusts[i], on);
    at('2018-03-01T09:00:00Z');
    expectCreated(
      await client.post('CommissionEvaluation', {
        evaluationId,
        title: 'Evaluation of Always Events spread',
        evaluator: 'Picker Institute Europe',
        commissioner: 'NHS England',
        scope: 'Spread',
        questions: ['How far did Always Events spread by March 2018?'],
      }),
    );
    // Three returns for March 2018 arrive late, recorded in April.
    for (const odsCode of trusts.slice(0, 3)) {
      at('2018-04-10T10:00:00Z');
      expectCreated(
        await client.post('SubmitMonthlyReturn', {
          programmeSlug,
          odsCode,
          period: '2018-03',
          submittedOn: '2018-04-10',
          alwaysEventIds: [],
          measuresReported: 2,
        }),
      );
    }
    at('2018-04-15T10:00:00Z');
    expectCreated(
      await client.post('TakeDataCut', { evaluationId, dataCutId: aprilCut, asOf: '2018-03-31' }),
    );
    // In May an enrolment that happened on 20 March is recorded: the correction of March's figure.
    await enrol(trusts[7], '2018-03-20', '2018-05-03T10:00:00Z');
  }, 120_000);
  afterAll(async () => t.close());

  const summary = async (query: string) =>
    (await getJson<Summary>(t.url, `/v1/spread/summary?${query}`)).body;

  it('knew 7 enrolled on 31 March 2018 in April, and 8 once May brought the late record', async () => {
    const april = await summary('asOf=2018-03-31&asKnownAt=2018-04-01');
    const june = await summary('asOf=2018-03-31&asKnownAt=2018-06-01');
    expect(april).toMatchObject({
      enrolled: 7,
      enrolledWithSeniorSupport: 7,
      nhsTrusts: { openOnDate: 10, enrolledWithSeniorSupport: 7, sharePercent: 70 },
    });
    expect(june).toMatchObject({
      enrolled: 8,
      enrolledWithSeniorSupport: 8,
      nhsTrusts: { openOnDate: 10, enrolledWithSeniorSupport: 8, sharePercent: 80 },
    });
    expect(april.knowledge.source).toBe('replay');
    // Business time bounds too: on 31 December 2017, four had enrolled, whenever asked.
    expect(await summary('asOf=2017-12-31&asKnownAt=2018-06-01')).toMatchObject({ enrolled: 4 });
    expect(await summary('asOf=2014-01-01')).toMatchObject({ enrolled: 0 });
  });

  it('lists what became known after 1 April: three late March returns and one backdated enrolment', async () => {
    const changes = await getJson<{
      counts: Record<string, number>;
      items: Array<{ kind: string; type: string }>;
    }>(t.url, '/v1/history/changes?since=2018-04-01&asKnownAt=2018-06-01');
    const backdated = changes.body.items.filter((i) => i.kind === 'backdated').map((i) => i.type);
    expect(backdated.filter((type) => type === 'MonthlyReturnSubmitted')).toHaveLength(3);
    expect(backdated).toContain('OrganisationEnrolled');
  });

  it('verifies the April data cut as a match after the later events', async () => {
    const verify = await getJson<{
      match: boolean;
      readModels: Array<{ readModel: string; status: string }>;
    }>(t.url, `/v1/evaluation/data-cuts/${aprilCut}/verify`);
    expect(verify.status).toBe(200);
    expect(verify.body.match).toBe(true);
    expect(verify.body.readModels.map((r) => r.status)).toEqual(verify.body.readModels.map(() => 'match'));
    expect(verify.body.readModels.map((r) => r.readModel)).toContain('spread');

    const csv = await fetch(`${t.url}/v1/evaluation/data-cuts/${aprilCut}/read-models/spread`, {
      headers: { ...t.auth, accept: 'text/csv' },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('x-data-cut-id')).toBe(aprilCut);
    expect(csv.headers.get('x-data-cut-checksum')).toMatch(/^[0-9a-f]{64}$/);
    const rows = (await csv.text()).trim().split('\n');
    // Header, and the 7 participations known in April (not the one recorded in May).
    expect(rows).toHaveLength(8);

    expect((await getJson(t.url, `/v1/evaluation/data-cuts/${randomUUID()}/verify`)).status).toBe(404);
  });
});
