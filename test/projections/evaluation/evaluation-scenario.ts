import { randomUUID } from 'node:crypto';
import { CommandClient, launchProgrammeWith, programmeSlug } from '../../commands/command-client';
import { AIM, scenarioSteps } from './scenario-steps';

/**
 * A small programme walked over real HTTP, every fact dated by `occurredAt`
 * (backfilled history), so every figure at asOf=2018-06-30 can be checked by
 * hand. Days are counted from each organisation's enrolment.
 *
 *   org  region cohort    enrolled    Always Event (setting)     statement       first PDSA start  implementing    aim achieved     sustained
 *   RA1  Y56    cohort-1  2017-10-01  AE1 (LearningDisability)   2017-11-01 (31) 2017-11-15 (45)   2017-12-20 (80) 2018-01-31 (122) 2018-04-30 (211)
 *   RA2  Y56    cohort-1  2017-10-01  AE2 (Maternity)            2017-12-01 (61) 2018-01-10 (101)  —               —                —
 *   RB1  Y62    cohort-2  2017-11-01  AE3 (Maternity), from AE1  2018-01-01 (61) —                 —               —                —
 *   RA3  Y56    —         2018-05-01  —
 * Followed to 2018-06-30: RA1 and RA2 272 days, RB1 241, RA3 60.
 *
 * Co-design teams at agreement: AE1 patient, carer, 2 staff (50%); AE2
 * patient, 2 staff, manager (25%); AE3 patient, carer, staff (66.67%).
 * Change ideas: AE1 co-design + staff; AE2 patient. Listening (patients /
 * carers / staff / others): AE1 6/2/3/0, AE2 4/0/2/1, AE3 5/3/0/0.
 * PDSA: AE1's first idea adapts (completed 2017-11-28) then adopts
 * (2017-12-15) while testing from 2017-11-10 to 2017-12-20; AE2's cycle
 * abandons its idea. AE1's aim is revised to 95% (statement version 2).
 * Progress scores 2017-11, 2017-12, 2018-01: AE1 2.0, 3.0, 4.0 → 4.5 (amended
 * 2018-02-01); AE2 1.5, 2.5 → 3.0, 3.5; AE3 —, —, 1.0.
 * AE1's outcome measure (monthly, target 90%): home 18/20, 19/20, 20/20 for
 * 2017-10 to 2017-12; after the aim, 2018-01 is recorded then retracted and
 * 2017-12 corrected to 19/20; scale-up unit ward-2 (live 2018-01-02) has
 * 2018-01 9/10. Its process measure: home 2017-12 28/30. The aim is declared
 * on a weekly outcome measure (2017-W41 to W52: six weeks at 10/20, then
 * 18–20/20: three at target and a shift of six above the median).
 */
export interface EvaluationScenario {
  ae1: string;
  ae2: string;
  ae3: string;
  cycles: { adapt: string; adopt: string; abandon: string };
  lastPosition: number;
}

export async function walkEvaluationScenario(client: CommandClient): Promise<EvaluationScenario> {
  const steps = scenarioSteps(client);
  const { send } = steps;

  await launchProgrammeWith(client, ['RA1', 'RA2', 'RA3']);
  const rb1 = { odsCode: 'RB1', name: 'NHS trust RB1', type: 'MentalHealthTrust', regionCode: 'Y62' };
  await send('RegisterOrganisation', { ...rb1, isNhsTrust: true, openDate: '2005-04-01' });
  for (const [cohortId, name] of [
    ['cohort-1', 'Cohort 1'],
    ['cohort-2', 'Cohort 2'],
  ]) {
    const cohort = { programmeSlug, cohortId, phaseId: 'spread', name, plannedLaunchDate: '2017-09-01' };
    await send('ScheduleCohort', cohort, '2017-06-01');
  }
  await steps.enrol('RA1', '2017-10-01', 'cohort-1');
  await steps.enrol('RA2', '2017-10-01', 'cohort-1');
  await steps.enrol('RB1', '2017-11-01', 'cohort-2');
  await steps.enrol('RA3', '2018-05-01');

  const [ae1, ae2, ae3] = [randomUUID(), randomUUID(), randomUUID()];
  const patient = ['P-1', 'PatientOrServiceUser'] as [string, string];
  const carer = ['C-1', 'FamilyOrCarer'] as [string, string];
  const staff = (n: number) => [`S-${n}`, 'PointOfCareStaff'] as [string, string];
  await steps.agreeStatement(
    ae1,
    { odsCode: 'RA1', setting: 'LearningDisability' },
    { initiated: '2017-10-02', agreed: '2017-11-01' },
    [patient, carer, staff(1), staff(2)],
    [6, 2, 3, 0],
  );
  await steps.agreeStatement(
    ae2,
    { odsCode: 'RA2', setting: 'Maternity' },
    { initiated: '2017-10-05', agreed: '2017-12-01' },
    [patient, staff(1), staff(2), ['M-1', 'Manager']],
    [4, 0, 2, 1],
  );
  await steps.agreeStatement(
    ae3,
    { odsCode: 'RB1', setting: 'Maternity', derivedFromAlwaysEventId: ae1 },
    { initiated: '2017-11-05', agreed: '2018-01-01' },
    [patient, carer, staff(1)],
    [5, 3, 0, 0],
  );
  await send(
    'ReviseAim',
    { alwaysEventId: ae1, aim: { ...AIM, targetPct: 95 }, reason: 'Reached 90% early' },
    '2017-11-02',
  );

  const [trolley, nightStaff, partners] = [randomUUID(), randomUUID(), randomUUID()];
  const propose = (
    alwaysEventId: string,
    changeIdeaId: string,
    description: string,
    origin: string,
    date: string,
  ) => send('ProposeChangeIdea', { alwaysEventId, changeIdeaId, description, origin }, date);
  await propose(ae1, trolley, 'A ward phone on a trolley', 'CoDesignSession', '2017-11-03');
  await propose(ae1, nightStaff, 'Night staff offer calls', 'StaffSuggestion', '2017-11-03');
  await propose(ae2, partners, 'Birth partners stay overnight', 'PatientSuggestion', '2017-12-02');

  const [outcome, process] = [randomUUID(), randomUUID()];
  const definition = {
    alwaysEventId: ae1,
    numeratorDefinition: 'Requests met within 5 minutes',
    denominatorDefinition: 'Requests to contact someone',
    frequency: 'Monthly',
    targetPct: 90,
    improvementDirection: 'increase',
  };
  const outcomeText = {
    name: 'Patients who reach people who matter',
    operationalDefinition: 'Monthly survey',
    dataSource: 'PatientSurvey',
  };
  const processText = {
    name: 'Phone charged at 7pm',
    operationalDefinition: 'Nightly check',
    dataSource: 'Audit',
  };
  await send(
    'DefineMeasure',
    { ...definition, ...outcomeText, measureId: outcome, role: 'Outcome' },
    '2017-11-04',
  );
  await send(
    'DefineMeasure',
    { ...definition, ...processText, measureId: process, role: 'Process' },
    '2017-11-04',
  );
  await send('LinkMeasure', { alwaysEventId: ae1, measureId: outcome, role: 'Outcome' }, '2017-11-04');
  await send('LinkMeasure', { alwaysEventId: ae1, measureId: process, role: 'Process' }, '2017-11-04');
  // The aim rule needs a shift on the improving side of a run chart as well as 3 periods at target,
  // so the aim rests on a weekly outcome measure with enough points for one (6 above the median).
  const weekly = randomUUID();
  await send(
    'DefineMeasure',
    {
      ...definition,
      ...outcomeText,
      name: 'Calls connected within 5 minutes (weekly)',
      frequency: 'Weekly',
      measureId: weekly,
      role: 'Outcome',
    },
    '2017-11-04',
  );
  await send('LinkMeasure', { alwaysEventId: ae1, measureId: weekly, role: 'Outcome' }, '2017-11-04');
  await send('StartTesting', { alwaysEventId: ae1 }, '2017-11-10');

  const cycles = { adapt: randomUUID(), adopt: randomUUID(), abandon: randomUUID() };
  const connects = 'Calls connect within 5 minutes';
  await steps.runCycle(
    cycles.adapt,
    { alwaysEventId: ae1, changeIdeaId: trolley, cycleNumber: 1 },
    [
      [connects, 'Confirmed'],
      ['The phone is charged', 'Partly'],
    ],
    'Adapt',
    ['2017-11-12', '2017-11-15', '2017-11-25', '2017-11-28'],
  );
  await steps.runCycle(
    cycles.adopt,
    { alwaysEventId: ae1, changeIdeaId: trolley, cycleNumber: 2, previousCycleId: cycles.adapt },
    [[connects, 'Confirmed']],
    'Adopt',
    ['2017-11-29', '2017-12-01', '2017-12-10', '2017-12-15'],
  );
  await steps.runCycle(
    cycles.abandon,
    { alwaysEventId: ae2, changeIdeaId: partners, cycleNumber: 1 },
    [['Partners stay', 'Refuted']],
    'Abandon',
    ['2018-01-08', '2018-01-10', '2018-01-20', '2018-01-25'],
  );
  await send('StartImplementation', { alwaysEventId: ae1, pdsaCycleIds: [cycles.adopt] }, '2017-12-20');

  const ward2 = { unitId: 'ward-2', name: 'Ward 2', setting: 'LearningDisability' };
  await send('AddScaleUpUnit', { alwaysEventId: ae1, unit: ward2 }, '2017-12-21');
  await send(
    'RecordUnitGoLive',
    { alwaysEventId: ae1, unitId: 'ward-2', goLiveDate: '2018-01-02' },
    '2018-01-02',
  );
  const measured = (
    measureId: string,
    period: string,
    unitId: string,
    numerator: number,
    denominator: number,
  ) => send('RecordMeasurement', { measureId, period, unitId, numerator, denominator }, '2018-01-20');
  await measured(outcome, '2017-10', 'home', 18, 20);
  await measured(outcome, '2017-11', 'home', 19, 20);
  await measured(outcome, '2017-12', 'home', 20, 20);
  await measured(process, '2017-12', 'home', 28, 30);
  const weeks = [10, 10, 10, 10, 10, 10, 18, 19, 19, 20, 19, 20];
  for (const [i, numerator] of weeks.entries()) {
    await send(
      'RecordMeasurement',
      { measureId: weekly, period: `2017-W${41 + i}`, unitId: 'home', numerator, denominator: 20 },
      '2018-01-20',
    );
  }
  await send('DeclareAimAchieved', { alwaysEventId: ae1, measureId: weekly }, '2018-01-31');
  await measured(outcome, '2018-01', 'home', 15, 20);
  await measured(outcome, '2018-01', 'ward-2', 9, 10);
  const value = { measureId: outcome, unitId: 'home' };
  await send('RetractMeasurement', { ...value, period: '2018-01', reason: 'Wrong unit' }, '2018-02-05');
  await send(
    'CorrectMeasurement',
    { ...value, period: '2017-12', numerator: 19, denominator: 20, reason: 'A late return' },
    '2018-02-05',
  );
  const review = { reviewDate: '2018-04-30', periodsReviewed: 3, periodsAtTarget: 3 };
  await send('ConfirmSustainment', { alwaysEventId: ae1, ...review }, '2018-04-30');

  const scores: Array<[string, string, number, string]> = [
    [ae1, '2017-11', 2, '2017-11-30'],
    [ae2, '2017-11', 1.5, '2017-11-30'],
    [ae1, '2017-12', 3, '2017-12-31'],
    [ae2, '2017-12', 2.5, '2017-12-31'],
    [ae2, '2017-12', 3, '2018-01-05'],
    [ae1, '2018-01', 4, '2018-01-31'],
    [ae1, '2018-01', 4.5, '2018-02-01'],
    [ae2, '2018-01', 3.5, '2018-01-31'],
    [ae3, '2018-01', 1, '2018-01-31'],
  ];
  for (const [alwaysEventId, period, score, date] of scores)
    await send('RecordProgressScore', { alwaysEventId, period, score }, date);

  return { ae1, ae2, ae3, cycles, lastPosition: steps.lastPosition() };
}
