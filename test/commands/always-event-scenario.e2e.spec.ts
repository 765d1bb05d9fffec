import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '../../src/event-store';
import { startTestApp, TestApp } from '../support/test-app';
import { storeUnderTest } from '../support/store-under-test';
import { ALL_COMMITMENTS, CHIEF_NURSE } from '../domain/participation/participation-fixtures';

interface Reply {
  status: number;
  contentType: string | null;
  body: Record<string, unknown>;
}
interface Sent {
  name: string;
  body: object;
  key: string;
  result: Record<string, unknown>;
}

const PROGRAMME = 'always-events-england';
const ODS = 'RV9';
const HOME = { unitId: 'townend-court', name: 'Townend Court ATU', setting: 'LearningDisability' };
const ae = randomUUID();
const ids = {
  activity: randomUUID(),
  theme: randomUUID(),
  draft: randomUUID(),
  idea: randomUUID(),
  outcome: randomUUID(),
  process: randomUUID(),
  cycle1: randomUUID(),
  cycle2: randomUUID(),
};
/** Twelve ISO weeks from the week after initiation, rising to the 90% target and staying there. */
const WEEKS = Array.from({ length: 12 }, (_, i) => `2017-W${String(36 + i).padStart(2, '0')}`);
const ALWAYS = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20];

/**
 * One Always Event walked over real HTTP from initiation to closure, with
 * two PDSA cycles and a weekly measure; then every accepted request replayed
 * with its Idempotency-Key, which must write nothing.
 */
describe(`an Always Event from initiation to closure [${storeUnderTest}, real HTTP]`, () => {
  let t: TestApp;
  let store: EventStore;
  const accepted: Sent[] = [];

  async function post(name: string, body: object, key?: string): Promise<Reply> {
    const response = await fetch(`${t.url}/v1/commands/${name}`, {
      method: 'POST',
      headers: { ...t.auth, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  /** Sends a command that must be accepted, and remembers it for the replay. */
  async function send(name: string, body: object): Promise<Record<string, unknown>> {
    const key = `scenario-${accepted.length}-${name}`;
    const reply = await post(name, body, key);
    expect({ name, status: reply.status, body: reply.body }).toMatchObject({ name, status: 201 });
    accepted.push({ name, body, key, result: reply.body });
    return reply.body;
  }

  /** Sends a command that must be refused as problem+json, and checks nothing was written. */
  async function refuse(name: string, body: object, status: number, rule: string, field?: string) {
    const before = await eventCount();
    const reply = await post(name, body, `refused-${randomUUID()}`);
    expect(reply.status).toBe(status);
    expect(reply.contentType).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ status, rule, type: `urn:always-events:problem:rule/${rule}` });
    if (field) expect(reply.body.errors).toEqual([expect.objectContaining({ field, rule })]);
    expect(await eventCount()).toBe(before);
  }

  const eventCount = async () => (await store.readAll()).length;
  const streamEvents = async (streamId: string) => store.readStream(streamId);
  const measurement = (period: string, numerator: number, denominator = 20) => ({
    measureId: ids.outcome,
    period,
    unitId: HOME.unitId,
    numerator,
    denominator,
  });

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get<symbol, EventStore>(EVENT_STORE);
    // The enrolment is appended as the participation decider writes it, dated before the
    // Always Event begins (the participation commands' own walk is participation.e2e.spec.ts).
    const key = { programmeSlug: PROGRAMME, odsCode: ODS };
    const sponsor = CHIEF_NURSE;
    const on = '2017-06-01';
    const enrolment: Array<[string, Record<string, unknown>]> = [
      [
        'InterestExpressed',
        { expressedOn: on, channel: 'NationalTeam', contactRole: 'PatientExperienceLead' },
      ],
      ['ExecutiveSponsorConfirmed', { sponsor, confirmedOn: on, seniorSupport: true }],
      [
        'ParticipationCommitmentSigned',
        {
          commitments: ALL_COMMITMENTS,
          signedOn: on,
          complete: true,
        },
      ],
      [
        'OrganisationEnrolled',
        {
          enrolledOn: on,
          phaseId: 'spread',
          enrolmentRoute: 'Direct',
          cohortId: null,
          sponsorPersonId: sponsor.personId,
          sponsorIsBoardLevel: true,
          seniorSupport: true,
        },
      ],
    ];
    await store.appendToStream(
      `participation-${PROGRAMME}.${ODS}`,
      enrolment.map(([type, data]) => ({
        id: randomUUID(),
        type,
        data: { ...key, ...data },
        metadata: {
          occurredAt: '2017-06-01T09:00:00Z',
          actor: 'scenario-seed',
          sourceSystem: 'backfill',
          correlationId: 'scenario-seed',
          causationId: null,
          schemaVersion: 1,
        },
      })),
      { expectedRevision: 'no_stream' },
    );
  });
  afterAll(async () => t.close());

  it('refuses to initiate for an organisation that is not enrolled', async () => {
    await refuse(
      'InitiateAlwaysEvent',
      {
        alwaysEventId: randomUUID(),
        programmeSlug: PROGRAMME,
        odsCode: 'RX4',
        homeUnit: HOME,
        population: 'x',
      },
      409,
      'participation-not-enrolled',
    );
  });

  it('initiates, listens and starts co-design with a staff-only team', async () => {
    await send('InitiateAlwaysEvent', {
      alwaysEventId: ae,
      programmeSlug: PROGRAMME,
      odsCode: ODS,
      homeUnit: HOME,
      population: 'People with a learning disability staying at Townend Court',
      occurredAt: '2017-09-01T09:00:00Z',
    });
    await send('FormCoDesignTeam', {
      alwaysEventId: ae,
      members: [
        { memberId: 'S-001', category: 'PointOfCareStaff' },
        { memberId: 'M-001', category: 'Manager' },
      ],
    });
    await send('RecordListeningActivity', {
      alwaysEventId: ae,
      activityId: ids.activity,
      method: 'Conversation',
      heldOn: '2017-09-05',
      participants: { patientsOrServiceUsers: 6, familiesOrCarers: 2, staff: 3, others: 0 },
      summary: 'Being able to call family at night matters most',
    });
    await send('IdentifyWhatMattersTheme', {
      alwaysEventId: ae,
      themeId: ids.theme,
      label: 'Contact with people who matter',
      sourceActivityIds: [ids.activity],
    });
    await send('StartCoDesign', { alwaysEventId: ae, selectedThemeId: ids.theme });
  });

  it('refuses to agree the statement without a patient or carer on the team, then agrees with one', async () => {
    const criterion = { met: true, rationale: 'Said by service users in every session' };
    await send('DraftStatement', {
      alwaysEventId: ae,
      draftId: ids.draft,
      visionStatement: 'We will always be able to contact people who are important to us 24hrs a day',
      visionVoice: 'PatientWords',
      aim: {
        population: 'Patients at Townend Court',
        behaviourOrOutcome: 'reach important people within 5 minutes of asking',
        targetPct: 90,
        deadline: '2018-03-31',
      },
    });
    await send('AssessCriteria', {
      alwaysEventId: ae,
      draftId: ids.draft,
      important: criterion,
      evidenceBased: criterion,
      measurable: criterion,
      affordableSustainable: criterion,
    });
    await refuse(
      'AgreeStatement',
      { alwaysEventId: ae, draftId: ids.draft },
      409,
      'co-design-team-lacks-patient-or-carer',
    );
    await send('AddCoDesignTeamMember', {
      alwaysEventId: ae,
      memberId: 'P-001',
      category: 'PatientOrServiceUser',
    });
    await send('AgreeStatement', { alwaysEventId: ae, draftId: ids.draft });
  });

  it('defines and links an outcome and a process measure, and starts testing', async () => {
    const common = {
      alwaysEventId: ae,
      numeratorDefinition: 'Requests met within 5 minutes',
      denominatorDefinition: 'Requests to contact someone',
      frequency: 'Weekly',
      targetPct: 90,
      improvementDirection: 'increase',
    };
    await send('DefineMeasure', {
      ...common,
      measureId: ids.outcome,
      role: 'Outcome',
      name: 'Patients who always reach important people',
      operationalDefinition:
        'Weekly survey: "Could you contact the people important to you when you wanted?"',
      dataSource: 'PatientSurvey',
      responseScale: 'NeverSometimesUsuallyAlways',
      countsAsSuccess: ['Always'],
    });
    await send('DefineMeasure', {
      ...common,
      measureId: ids.process,
      role: 'Process',
      name: 'Trolley phone charged at 7pm',
      operationalDefinition: 'Nightly check at handover',
      dataSource: 'Audit',
    });
    await send('LinkMeasure', { alwaysEventId: ae, measureId: ids.outcome, role: 'Outcome' });
    await send('LinkMeasure', { alwaysEventId: ae, measureId: ids.process, role: 'Process' });
    await send('ProposeChangeIdea', {
      alwaysEventId: ae,
      changeIdeaId: ids.idea,
      description: 'A ward phone on a trolley, charged every night',
      origin: 'CoDesignSession',
    });
    await send('StartTesting', { alwaysEventId: ae });
  });

  it('runs two PDSA cycles, adapt then adopt, and starts implementation', async () => {
    const plan = {
      alwaysEventId: ae,
      changeIdeaId: ids.idea,
      objective: 'Can patients reach family within 5 minutes of asking?',
      questions: ['Is the phone charged at 7pm?'],
      predictions: ['Calls connect within 5 minutes'],
      plan: { who: 'Night nurse', what: 'Offer the trolley phone', where: 'Townend Court', when: 'Nights' },
    };
    const study = {
      resultsSummary: 'Calls connected in under 4 minutes',
      predictionOutcomes: [{ predictionIndex: 0, outcome: 'Confirmed' }],
      learning: 'Charging at handover works',
    };
    await send('PlanPdsaCycle', {
      ...plan,
      pdsaCycleId: ids.cycle1,
      cycleNumber: 1,
      scale: { unit: 'patients', nPatients: 2, durationDays: 1 },
    });
    await send('StartPdsaCycle', { pdsaCycleId: ids.cycle1 });
    await send('RecordObservation', {
      pdsaCycleId: ids.cycle1,
      observationId: randomUUID(),
      kind: 'Unexpected',
      text: 'One patient preferred a video call',
      observedOn: '2017-10-03',
    });
    await send('RecordStudy', { ...study, pdsaCycleId: ids.cycle1 });
    await send('CompletePdsaCycle', {
      pdsaCycleId: ids.cycle1,
      decision: 'Adapt',
      nextSteps: 'Add a tablet',
    });
    await send('PlanPdsaCycle', {
      ...plan,
      pdsaCycleId: ids.cycle2,
      cycleNumber: 2,
      previousCycleId: ids.cycle1,
      scale: { unit: 'patients', nPatients: 8, durationDays: 7 },
    });
    await send('StartPdsaCycle', { pdsaCycleId: ids.cycle2 });
    await send('RecordStudy', { ...study, pdsaCycleId: ids.cycle2 });
    await send('CompletePdsaCycle', { pdsaCycleId: ids.cycle2, decision: 'Adopt', nextSteps: 'Every night' });
    await send('StartImplementation', { alwaysEventId: ae, pdsaCycleIds: [ids.cycle2] });
  });

  it('records twelve weekly measurements and corrects one', async () => {
    for (const [i, period] of WEEKS.entries())
      await send('RecordMeasurement', measurement(period, ALWAYS[i]));
    await send('CorrectMeasurement', {
      ...measurement(WEEKS[10], 20),
      categoryCounts: { always: 20, usually: 0, sometimes: 0, never: 0 },
      reason: 'Two late survey returns',
    });
    const corrected = (await streamEvents(`measure-${ids.outcome}`)).at(-1);
    expect(corrected).toMatchObject({
      type: 'MeasurementCorrected',
      data: { period: '2017-W46', numerator: 20, previous: { numerator: 19, denominator: 20 } },
    });
  });

  it('charts the outcome measure with the correction applied and the PDSA starts on their weeks', async () => {
    const head = await store.headPosition();
    const response = await fetch(
      `${t.url}/v1/measures/${ids.outcome}/chart?profile=ihi&minPosition=${head}`,
      { headers: t.auth },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      unitId: string;
      chart: { chart: string; profile: string; points: Array<{ n: number; y: number; date: string }> };
      pdsaStarts: Array<{ cycleNumber: number; period: string }>;
    };
    expect(body.unitId).toBe(HOME.unitId);
    expect(body.chart).toMatchObject({ chart: 'run', profile: 'ihi' });
    expect(body.chart.points.map((p) => p.date)).toEqual(WEEKS);
    // Week 11 was corrected from 19/20 to 20/20.
    expect(body.chart.points[10].y).toBe(100);
    expect(body.pdsaStarts.map((start) => start.cycleNumber)).toEqual([1, 2]);
    const spc = await fetch(`${t.url}/v1/measures/${ids.outcome}/chart?profile=mdc`, { headers: t.auth });
    expect(((await spc.json()) as { chart: { chart: string } }).chart.chart).toBe('xmr');
    const missing = await fetch(`${t.url}/v1/measures/${randomUUID()}/chart`, { headers: t.auth });
    expect(missing.status).toBe(404);
    const badProfile = await fetch(`${t.url}/v1/measures/${ids.outcome}/chart?profile=excel`, {
      headers: t.auth,
    });
    expect(badProfile.status).toBe(400);
  });

  it('refuses a numerator above the denominator and a period in the future', async () => {
    await refuse(
      'RecordMeasurement',
      measurement('2017-W48', 21),
      422,
      'numerator-exceeds-denominator',
      'numerator',
    );
    await refuse('RecordMeasurement', measurement('2099-W01', 10), 422, 'period-in-future', 'period');
  });

  it('declares the aim achieved on evidence it recomputes, then closes', async () => {
    await send('DeclareAimAchieved', { alwaysEventId: ae, measureId: ids.outcome });
    const achieved = (await streamEvents(`always-event-${ae}`)).at(-1);
    expect(achieved).toMatchObject({
      type: 'AimAchieved',
      data: {
        evidence: {
          rule: 'ConsecutivePeriodsAtTarget',
          parameters: { requiredPeriods: 3, targetPct: 90 },
          periods: [
            { period: '2017-W44' },
            { period: '2017-W45' },
            { period: '2017-W46', numerator: 20 },
            { period: '2017-W47' },
          ],
          achieved: true,
        },
      },
    });
    await send('CloseAlwaysEvent', { alwaysEventId: ae, reason: 'Completed' });
    const state = await fetch(`${t.url}/v1/streams/always-event-${ae}`, { headers: t.auth }).then((r) =>
      r.json(),
    );
    expect(state).toMatchObject({ category: 'always-event', state: { phase: 'Closed' } });
  });

  it('replays every accepted request with its Idempotency-Key: 200, the original result, nothing written', async () => {
    const before = await eventCount();
    expect(accepted).toHaveLength(40);
    for (const { name, body, key, result } of accepted) {
      const replay = await post(name, body, key);
      expect({ name, status: replay.status }).toEqual({ name, status: 200 });
      expect(replay.body).toEqual({ ...result, replayed: true });
    }
    expect(await eventCount()).toBe(before);
  });

  it('documents every command it sent in OpenAPI', async () => {
    const doc = (await fetch(`${t.url}/openapi.json`, { headers: t.auth }).then((r) => r.json())) as {
      paths: object;
    };
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(expect.arrayContaining(accepted.map(({ name }) => `/v1/commands/${name}`)));
    expect(paths).toContain('/v1/commands/TakeDataCut');
  });
});
