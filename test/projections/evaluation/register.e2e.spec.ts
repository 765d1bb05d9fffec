import { randomUUID } from 'node:crypto';
import { RegisterRow } from '../../../src/projections/evaluation/register-rows';
import { Page } from '../../../src/projections/http/read-model-query';
import { getJson, Problem } from '../../support/http';
import { AS_OF, evaluationApp } from './evaluation-app';
import { EvaluationScenario } from './evaluation-scenario';
import { storeUnderTest } from '../../support/store-under-test';

type RegisterPage = Page<RegisterRow> & { knowledge: { source: string; position: number } };

describe(`evaluation register over HTTP [${storeUnderTest}, real HTTP]`, () => {
  const e = evaluationApp();
  const { get, csv } = e;
  let s: EvaluationScenario;
  beforeAll(() => {
    s = e.scenario();
  });

  describe('Always Event register', () => {
    it('lists every Always Event by organisation, live after the last command and as a replay at a date', async () => {
      const live = await get<RegisterPage>(`/v1/evaluation/always-events?minPosition=${s.lastPosition}`);
      expect(live.status).toBe(200);
      expect(live.body.knowledge.source).toBe('live');
      // RA1, RA2, RB1 in ODS order.
      expect(live.body.items.map((r) => [r.alwaysEventId, r.organisation.odsCode, r.state])).toEqual([
        [s.ae1, 'RA1', 'Sustaining'],
        [s.ae2, 'RA2', 'StatementAgreed'],
        [s.ae3, 'RB1', 'StatementAgreed'],
      ]);
      expect(live.body.page).toEqual({ offset: 0, limit: 100, total: 3 });
      // On 2017-10-31 only AE1 and AE2 had begun, both still in co-design.
      const then = await get<RegisterPage>('/v1/evaluation/always-events?asOf=2017-10-31');
      expect(then.body.knowledge.source).toBe('replay');
      expect(then.body.items.map((r) => [r.alwaysEventId, r.state])).toEqual([
        [s.ae1, 'CoDesign'],
        [s.ae2, 'CoDesign'],
      ]);
    });

    it.each([
      ['setting=Maternity', ['ae2', 'ae3']],
      ['region=Y62', ['ae3']],
      ['organisation=RA1', ['ae1']],
      ['state=Sustaining', ['ae1']],
      ['programme=always-events-england&setting=Maternity&state=StatementAgreed', ['ae2', 'ae3']],
      ['programme=another-programme', []],
      ['limit=1&offset=1', ['ae2']],
    ])('filters with %s', async (filter, expected) => {
      const response = await get<RegisterPage>(`/v1/evaluation/always-events?${AS_OF}&${filter}`);
      const ids = { [s.ae1]: 'ae1', [s.ae2]: 'ae2', [s.ae3]: 'ae3' };
      expect(response.body.items.map((r) => ids[r.alwaysEventId])).toEqual(expected);
    });

    it('shows one Always Event: latest aim, team, current measure values, units, lineage, key dates, score', async () => {
      const response = await get<RegisterRow>(`/v1/evaluation/always-events/${s.ae1}?${AS_OF}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        organisation: { odsCode: 'RA1', name: 'NHS trust RA1', regionCode: 'Y56', region: 'London' },
        homeUnit: { unitId: 'home', setting: 'LearningDisability' },
        theme: 'Contact with people who matter',
        // ReviseAim made version 2 with a 95% target.
        statement: { version: 2, visionVoice: 'PatientWords', aim: { targetPct: 95 } },
        state: 'Sustaining',
        coDesignTeam: {
          members: 4,
          byCategory: { PatientOrServiceUser: 1, FamilyOrCarer: 1, PointOfCareStaff: 2 },
        },
        scaleUpUnits: [{ unitId: 'ward-2', goLiveDate: '2018-01-02', status: 'live' }],
        lineage: { derivedFrom: null, depth: 0 },
        keyDates: {
          initiated: '2017-10-02',
          statementAgreed: '2017-11-01',
          firstPdsaStarted: '2017-11-15',
          testingStarted: '2017-11-10',
          implementationStarted: '2017-12-20',
          aimAchieved: '2018-01-31',
          sustained: '2018-04-30',
          closed: null,
        },
        // 2018-01 was scored 4.0, then amended to 4.5.
        latestProgressScore: { period: '2018-01', score: 4.5 },
        flags: [],
      });
      // Home: 2018-01 retracted, 2017-12 corrected from 20/20 to 19/20 (95%); ward-2: 9/10. Process: 28/30.
      const byName = Object.fromEntries(response.body.measures.map((m) => [m.name, m.latest]));
      expect(byName['Patients who reach people who matter']).toEqual([
        { unitId: 'home', period: '2017-12', numerator: 19, denominator: 20, percent: 95 },
        { unitId: 'ward-2', period: '2018-01', numerator: 9, denominator: 10, percent: 90 },
      ]);
      expect(byName['Calls connected within 5 minutes (weekly)']).toEqual([
        { unitId: 'home', period: '2017-W52', numerator: 20, denominator: 20, percent: 100 },
      ]);
      expect(byName['Phone charged at 7pm']).toEqual([
        { unitId: 'home', period: '2017-12', numerator: 28, denominator: 30, percent: 93.33 },
      ]);
      const spread = await get<RegisterRow>(`/v1/evaluation/always-events/${s.ae3}?${AS_OF}`);
      expect(spread.body.lineage).toEqual({
        derivedFrom: { alwaysEventId: s.ae1, odsCode: 'RA1' },
        kind: 'Spread',
        depth: 1,
        rootAlwaysEventId: s.ae1,
      });
    });

    it('answers 404 problem+json for an unknown Always Event, and for one not yet initiated at the date', async () => {
      for (const path of [
        `/v1/evaluation/always-events/${randomUUID()}`,
        `/v1/evaluation/always-events/${s.ae3}?asOf=2017-10-31`,
      ]) {
        const response = await getJson<Problem>(e.url(), path);
        expect(response.status).toBe(404);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(response.body.type).toBe('urn:always-events:problem:always-event-not-found');
      }
    });

    it('serves the same rows as CSV with a header', async () => {
      const { header, records } = await csv(`/v1/evaluation/always-events?${AS_OF}`);
      expect(header.slice(0, 4)).toEqual([
        'alwaysEventId',
        'programmeSlug',
        'organisation.odsCode',
        'organisation.name',
      ]);
      expect(
        records.map((r) => [r.alwaysEventId, r['homeUnit.setting'], r.state, r['keyDates.statementAgreed']]),
      ).toEqual([
        [s.ae1, 'LearningDisability', 'Sustaining', '2017-11-01'],
        [s.ae2, 'Maternity', 'StatementAgreed', '2017-12-01'],
        [s.ae3, 'Maternity', 'StatementAgreed', '2018-01-01'],
      ]);
    });
  });

  describe("the programme's cohorts", () => {
    type Cohorts = { date: string; items: Array<Record<string, unknown>> };
    const cohort = (cohortId: string, name: string) => ({
      cohortId,
      name,
      phaseId: 'spread',
      plannedLaunchDate: '2017-09-01',
      launchedOn: null,
      closedOn: null,
    });

    it('lists every scheduled cohort, also on a date when nobody is enrolled in one', async () => {
      // Both were scheduled on 2017-06-01; the first enrolment came on 2017-10-01.
      const before = await get<Cohorts>('/v1/spread/cohorts?asOf=2017-07-01');
      expect(before.status).toBe(200);
      expect(before.body).toMatchObject({ date: '2017-07-01' });
      expect(before.body.items).toEqual([cohort('cohort-1', 'Cohort 1'), cohort('cohort-2', 'Cohort 2')]);
      const breakdown = await get<{ items: Array<{ key: string }> }>(
        '/v1/spread/breakdown?by=cohort&asOf=2017-07-01',
      );
      expect(breakdown.body.items.map((row) => row.key)).not.toContain('cohort-1');

      const { header, records } = await csv('/v1/spread/cohorts');
      expect(header).toEqual(['cohortId', 'name', 'phaseId', 'plannedLaunchDate', 'launchedOn', 'closedOn']);
      expect(records.map((r) => r.cohortId)).toEqual(['cohort-1', 'cohort-2']);
      const known = await get<Cohorts>('/v1/spread/cohorts?asKnownAt=2000-01-01');
      expect(known.body.items).toEqual([]);
    });
  });

  describe('queries', () => {
    it.each([
      ['an unknown filter', '/v1/evaluation/funnel?cohort=cohort-1', 'cohort'],
      ['an unknown filter on the register', '/v1/evaluation/always-events?colour=red', 'colour'],
      ['a malformed date', '/v1/evaluation/co-production?asOf=30-06-2018', 'asOf'],
      ['an impossible date', '/v1/evaluation/progress-scores?asKnownAt=2018-02-30', 'asKnownAt'],
      ['an unknown setting', '/v1/evaluation/always-events?setting=Moon', 'setting'],
      ['an unknown region', '/v1/evaluation/always-events?region=Z99', 'region'],
      ['an Always Event that is not a UUID', '/v1/evaluation/pdsa-learning?alwaysEvent=ae-1', 'alwaysEvent'],
      ['a path id that is not a UUID', '/v1/evaluation/always-events/ae-1', 'alwaysEventId'],
      ['a limit over 1000', '/v1/evaluation/co-production?limit=5000', 'limit'],
    ])('refuses %s with 400 problem+json naming the field', async (_, path, field) => {
      const response = await getJson<Problem>(e.url(), path);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body.errors?.map((e) => e.field)).toContain(field);
    });

    it('answers empty results, not errors, for a knowledge date before anything was recorded', async () => {
      const register = await get<RegisterPage>('/v1/evaluation/always-events?asKnownAt=2000-01-01');
      expect(register.body).toMatchObject({ items: [], page: { total: 0 }, knowledge: { position: 0 } });
      const learning = await get<{ items: unknown[]; overall: { cycles: number } }>(
        '/v1/evaluation/pdsa-learning?atPosition=0',
      );
      expect(learning.body).toMatchObject({ items: [], overall: { cycles: 0 } });
    });
  });
});
