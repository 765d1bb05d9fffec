import { AlwaysEventEvent, evolve, initialState } from '../../../src/domain/always-event';
import { RecordedEvent } from '../../../src/event-store';
import { alwaysEventRegisterProjection } from '../../../src/projections/evaluation/always-event-register.projection';
import { filterRegister, registerRows } from '../../../src/projections/evaluation/register-rows';
import { foldProjection } from '../../../src/projections/runner/projection';
import { recorded } from '../support/recorded';
import { enrolment, programme, trust } from '../spread/spread-fixtures';
import { alwaysEvent } from './always-event-fixtures';
import { measure } from './measure-fixtures';
import { pdsaCycle } from './pdsa-cycle-fixtures';

const fold = (events: RecordedEvent[]) => foldProjection(alwaysEventRegisterProjection, events);

const VISION = 'We will always be able to contact people who are important to us';

/** One Always Event walked from initiation to sustainment at RA1, with measures, units and scores. */
function walkedToSustainment(): RecordedEvent[] {
  const a = alwaysEvent('ae-1', 'RA1');
  const outcome = measure('m-out', 'ae-1', 'Outcome');
  const process = measure('m-proc', 'ae-1', 'Process');
  const cycle = (id: string, n: number) =>
    pdsaCycle(id, { alwaysEventId: 'ae-1', changeIdeaId: 'i-1', cycleNumber: n, odsCode: 'RA1' });
  return [
    trust('RA1'),
    ...programme(),
    ...enrolment('RA1', '2017-10-01', { cohortId: 'cohort-1' }),
    a.initiated('2017-10-02', { setting: 'LearningDisability' }),
    a.teamFormed(
      [
        ['P-1', 'PatientOrServiceUser'],
        ['S-1', 'PointOfCareStaff'],
        ['S-2', 'PointOfCareStaff'],
      ],
      '2017-10-03',
    ),
    a.memberJoined('C-1', 'FamilyOrCarer', '2017-10-04'),
    a.listened(
      'act-1',
      { patientsOrServiceUsers: 6, familiesOrCarers: 2, staff: 3, others: 0 },
      '2017-10-05',
    ),
    a.theme('t-1', 'Contact with people who matter', '2017-10-06'),
    a.coDesignStarted('t-1', 'Contact with people who matter', '2017-10-07'),
    a.drafted('d-1', VISION, '2017-10-20'),
    a.assessed('d-1', true, '2017-10-21'),
    a.agreed('d-1', VISION, { PatientOrServiceUser: 1, FamilyOrCarer: 1, PointOfCareStaff: 2 }, '2017-11-01'),
    a.memberLeft('S-2', 'PointOfCareStaff', '2017-11-05'),
    a.aimRevised(2, 95, '2017-11-06'),
    outcome.defined('Patients who reach important people', '2017-11-07'),
    process.defined('Phone charged at 7pm', '2017-11-07'),
    a.measureLinked('m-out', 'Outcome', 'Patients who reach important people', '2017-11-08'),
    a.measureLinked('m-proc', 'Process', 'Phone charged at 7pm', '2017-11-08'),
    a.changeIdea('i-1', 'CoDesignSession', '2017-11-09'),
    a.testingStarted('2017-11-10'),
    cycle('c-2', 2).started('2017-12-01'),
    // Recorded after cycle 2 but started earlier: the first PDSA date is the earliest start, not the first seen.
    cycle('c-1', 1).started('2017-11-15'),
    a.implementationStarted('2017-12-20'),
    a.unitAdded('ward-2', 'LearningDisability', '2017-12-21'),
    a.unitWentLive('ward-2', 'LearningDisability', '2018-01-02'),
    a.unitAdded('ward-3', 'LearningDisability', '2017-12-21'),
    a.unitWentLive('ward-3', 'LearningDisability', '2018-01-02'),
    a.unitStopped('ward-3', 'LearningDisability', '2018-02-01'),
    a.unitAdded('ward-4', 'LearningDisability', '2018-03-01'),
    outcome.measured('2017-10', 'home', 18, 20),
    outcome.measured('2017-11', 'home', 19, 20),
    outcome.measured('2017-12', 'home', 20, 20),
    a.aimAchieved('m-out', '2018-01-31'),
    outcome.measured('2018-01', 'home', 15, 20),
    outcome.retracted('2018-01', 'home'),
    outcome.corrected('2017-12', 'home', 19, 20),
    outcome.measured('2018-01', 'ward-2', 9, 10),
    process.measured('2017-12', 'home', 28, 30),
    a.sustained('2018-04-30', '2018-05-03'),
    a.progressScore('2017-11', 2, '2017-11-30'),
    a.progressScore('2018-01', 4, '2018-01-31'),
    a.progressScoreAmended('2018-01', 4.5, 4, '2018-02-02'),
    a.progressScore('2017-12', 3, '2018-02-03'),
  ];
}

describe('Always Event register', () => {
  it('shows one Always Event as an evaluator reads it: latest statement, current team, current values, units, dates, score', () => {
    const [row] = registerRows(fold(walkedToSustainment()));
    expect(row).toEqual({
      alwaysEventId: 'ae-1',
      programmeSlug: 'always-events-england',
      organisation: { odsCode: 'RA1', name: 'Trust RA1', regionCode: 'Y56', region: 'London' },
      homeUnit: { unitId: 'home', name: 'Home ward', setting: 'LearningDisability' },
      population: 'Inpatients',
      theme: 'Contact with people who matter',
      // The aim revision made version 2 with a 95% target; the vision is the agreed one.
      statement: {
        version: 2,
        visionStatement: VISION,
        visionVoice: 'PatientWords',
        aim: {
          population: 'People on the ward',
          behaviourOrOutcome: 'say they could contact who they wanted',
          targetPct: 95,
          deadline: '2018-12-31',
          reviewCadence: null,
        },
      },
      state: 'Sustaining',
      pausedIn: null,
      closureReason: null,
      // P-1, S-1, S-2 formed the team, C-1 joined, S-2 left: 3 members now.
      coDesignTeam: {
        members: 3,
        byCategory: { PatientOrServiceUser: 1, FamilyOrCarer: 1, PointOfCareStaff: 1 },
      },
      measures: [
        {
          measureId: 'm-out',
          name: 'Patients who reach important people',
          role: 'Outcome',
          // Home: 2018-01 was retracted, so 2017-12 is latest, as corrected to 19/20 = 95%.
          // ward-2: its only value, 9/10 = 90%.
          latest: [
            { unitId: 'home', period: '2017-12', numerator: 19, denominator: 20, percent: 95 },
            { unitId: 'ward-2', period: '2018-01', numerator: 9, denominator: 10, percent: 90 },
          ],
        },
        {
          measureId: 'm-proc',
          name: 'Phone charged at 7pm',
          role: 'Process',
          // 28/30 = 93.333…%, two decimals.
          latest: [{ unitId: 'home', period: '2017-12', numerator: 28, denominator: 30, percent: 93.33 }],
        },
      ],
      scaleUpUnits: [
        {
          unitId: 'ward-2',
          name: 'Unit ward-2',
          setting: 'LearningDisability',
          plannedGoLive: null,
          goLiveDate: '2018-01-02',
          stoppedOn: null,
          status: 'live',
        },
        {
          unitId: 'ward-3',
          name: 'Unit ward-3',
          setting: 'LearningDisability',
          plannedGoLive: null,
          goLiveDate: '2018-01-02',
          stoppedOn: '2018-02-01',
          status: 'stopped',
        },
        {
          unitId: 'ward-4',
          name: 'Unit ward-4',
          setting: 'LearningDisability',
          plannedGoLive: null,
          goLiveDate: null,
          stoppedOn: null,
          status: 'planned',
        },
      ],
      lineage: { derivedFrom: null, kind: null, depth: 0, rootAlwaysEventId: 'ae-1' },
      keyDates: {
        initiated: '2017-10-02',
        statementAgreed: '2017-11-01',
        firstPdsaStarted: '2017-11-15',
        testingStarted: '2017-11-10',
        implementationStarted: '2017-12-20',
        aimAchieved: '2018-01-31',
        // The review's date, not the day it was recorded (2018-05-03).
        sustained: '2018-04-30',
        closed: null,
      },
      // 2018-01 is the latest period scored; its 4.0 was amended to 4.5.
      latestProgressScore: { period: '2018-01', score: 4.5 },
      flags: [],
    });
  });

  it('follows lineage back to the original: depth counts hops, a parent outside the state still counts', () => {
    const rows = registerRows(
      fold([
        alwaysEvent('ae-1', 'RA1').initiated('2017-01-01'),
        alwaysEvent('ae-2', 'RB1').initiated('2017-02-01', {
          derivedFrom: { alwaysEventId: 'ae-1', odsCode: 'RA1', lineage: 'Spread' },
        }),
        alwaysEvent('ae-3', 'RB1').initiated('2017-03-01', {
          derivedFrom: { alwaysEventId: 'ae-2', odsCode: 'RB1', lineage: 'ScaleUp' },
        }),
        alwaysEvent('ae-4', 'RC1').initiated('2017-04-01', {
          derivedFrom: { alwaysEventId: 'ae-elsewhere', odsCode: 'RZ9', lineage: 'Spread' },
        }),
      ]),
    );
    expect(rows.map((r) => [r.alwaysEventId, r.lineage])).toEqual([
      ['ae-1', { derivedFrom: null, kind: null, depth: 0, rootAlwaysEventId: 'ae-1' }],
      [
        'ae-2',
        {
          derivedFrom: { alwaysEventId: 'ae-1', odsCode: 'RA1' },
          kind: 'Spread',
          depth: 1,
          rootAlwaysEventId: 'ae-1',
        },
      ],
      [
        'ae-3',
        {
          derivedFrom: { alwaysEventId: 'ae-2', odsCode: 'RB1' },
          kind: 'ScaleUp',
          depth: 2,
          rootAlwaysEventId: 'ae-1',
        },
      ],
      [
        'ae-4',
        {
          derivedFrom: { alwaysEventId: 'ae-elsewhere', odsCode: 'RZ9' },
          kind: 'Spread',
          depth: 1,
          rootAlwaysEventId: 'ae-elsewhere',
        },
      ],
    ]);
  });

  it('orders by organisation, then initiation date, then id, and filters by setting, state, region, organisation and programme', () => {
    const state = fold([
      trust('RA1'),
      trust('RB1', '2000-01-01', { regionCode: 'Y62', region: 'North West' }),
      alwaysEvent('ae-b', 'RB1').initiated('2017-01-01', { setting: 'Maternity' }),
      alwaysEvent('ae-z', 'RA1').initiated('2017-02-01', { setting: 'Maternity' }),
      alwaysEvent('ae-y', 'RA1').initiated('2017-03-01'),
      alwaysEvent('ae-x', 'RA1').initiated('2017-03-01'),
      alwaysEvent('ae-x', 'RA1').paused('Initiated', '2017-04-01'),
      alwaysEvent('ae-o', 'RA1', 'other-programme').initiated('2017-01-15'),
    ]);
    const rows = registerRows(state);
    const ids = (filters: object) => filterRegister(rows, filters).map((r) => r.alwaysEventId);
    expect(ids({})).toEqual(['ae-o', 'ae-z', 'ae-x', 'ae-y', 'ae-b']);
    expect(ids({ setting: 'Maternity' })).toEqual(['ae-z', 'ae-b']);
    expect(ids({ state: 'Paused' })).toEqual(['ae-x']);
    expect(ids({ region: 'Y62' })).toEqual(['ae-b']);
    expect(ids({ organisation: 'RA1', setting: 'AcuteInpatient' })).toEqual(['ae-o', 'ae-x', 'ae-y']);
    expect(ids({ programme: 'other-programme' })).toEqual(['ae-o']);
    expect(rows.find((r) => r.alwaysEventId === 'ae-x')).toMatchObject({
      state: 'Paused',
      pausedIn: 'Initiated',
    });
  });

  it('flags an agreed statement without an outcome or process measure, and one agreed without all four criteria', () => {
    const a = alwaysEvent('ae-1', 'RA1');
    const team = { PatientOrServiceUser: 1, PointOfCareStaff: 1 };
    const state = fold([
      a.initiated('2017-01-01'),
      a.drafted('d-1', VISION, '2017-02-01'),
      a.assessed('d-1', false, '2017-02-02'),
      a.agreed('d-1', VISION, team, '2017-02-03'),
    ]);
    expect(registerRows(state)[0].flags).toEqual([
      'statement-agreed-without-all-four-criteria',
      'no-outcome-measure',
      'no-process-measure',
    ]);
    const beforeAgreement = fold([a.initiated('2017-01-01')]);
    expect(registerRows(beforeAgreement)[0].flags).toEqual([]);
  });

  it('lists nothing for events before any initiation, and ignores event types it does not know', () => {
    const a = alwaysEvent('ae-1', 'RA1');
    expect(registerRows(fold([]))).toEqual([]);
    // A link whose initiation lies outside the bounds (backfilled later) is not a register row.
    expect(registerRows(fold([a.measureLinked('m-1', 'Outcome', 'm', '2017-01-01')]))).toEqual([]);
    const state = fold([
      a.initiated('2017-01-01'),
      recorded('always-event-ae-1', 'AlwaysEventRenamedInSomeFutureSchema', { alwaysEventId: 'ae-1' }),
      recorded('measure-m-9', 'MeasureSplitInSomeFutureSchema', { measureId: 'm-9' }),
    ]);
    expect(registerRows(state).map((r) => [r.alwaysEventId, r.state])).toEqual([['ae-1', 'Initiated']]);
  });

  it('shows no unit for a go-live whose unit was added outside the bounds', () => {
    const a = alwaysEvent('ae-1', 'RA1');
    const [row] = registerRows(
      fold([a.initiated('2017-01-01'), a.unitWentLive('ward-9', 'Maternity', '2017-03-01')]),
    );
    expect(row.scaleUpUnits).toEqual([]);
  });

  it('shows a closed Always Event with its reason and closure date', () => {
    const a = alwaysEvent('ae-1', 'RA1');
    const [row] = registerRows(fold([a.initiated('2017-01-01'), a.closed('Initiated', '2017-06-30')]));
    expect(row).toMatchObject({
      state: 'Closed',
      closureReason: 'Completed',
      keyDates: { closed: '2017-06-30' },
    });
  });

  it("holds each Always Event's aggregate as its decider folds it, but for the driver diagram, which it leaves to the driver-diagrams model", () => {
    const driver = (type: string, data: object) =>
      recorded('always-event-ae-1', type, {
        alwaysEventId: 'ae-1',
        programmeSlug: 'p',
        odsCode: 'RA1',
        ...data,
      });
    const events = [
      ...walkedToSustainment(),
      driver('DriverAdded', {
        driverId: 'd-1',
        level: 'Primary',
        text: 'Phones charged',
        parentDriverIds: [],
      }),
      driver('DriverDiagramItemReworded', {
        itemId: 'd-1',
        kind: 'PrimaryDriver',
        text: 'Phones on',
        reason: 'r',
      }),
      driver('DriverDiagramItemRelinked', {
        itemId: 'i-1',
        kind: 'ChangeIdea',
        parentDriverIds: ['d-1'],
        pdsaCycleIds: [],
        measureIds: [],
      }),
    ];
    const ownEvents = events.filter((e) => e.streamId === 'always-event-ae-1');
    const decided = ownEvents.reduce(
      (state, e) => evolve(state, { type: e.type, data: e.data } as AlwaysEventEvent),
      initialState(),
    );
    expect(Object.keys(decided.diagram)).toEqual(['i-1', 'd-1']);
    const held = fold(events).alwaysEvents['ae-1'].aggregate;
    expect(held).toEqual({ ...decided, diagram: {} });
    expect(held.changeIdeas).toEqual({ 'i-1': 'CoDesignSession' });
  });

  it('gives CSV replays the register rows as its table', () => {
    const state = fold(walkedToSustainment());
    expect(alwaysEventRegisterProjection.table?.(state)).toEqual(registerRows(state));
  });
});
