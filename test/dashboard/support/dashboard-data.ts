import { randomUUID } from 'node:crypto';
import { commandClient, programmeSlug } from '../../commands/command-client';
import { ALL_COMMITMENTS, CHIEF_NURSE } from '../../domain/participation/participation-fixtures';
import { EvaluationScenario, walkEvaluationScenario } from '../../projections/evaluation/evaluation-scenario';
import { scenarioSteps } from '../../projections/evaluation/scenario-steps';
import { longMeasure } from './long-measure';
import { Send, sender } from './sender';

/**
 * What the dashboard tests need in the store: the evaluation scenario (four
 * organisations, three Always Events with statements, PDSA chains, measures
 * with a shift) plus a programme's worth of enrolments from January 2017 to
 * March 2019 against a target, more Always Events across settings (one with
 * a long measure in two phases), and a commissioned evaluation to take data
 * cuts in. Everything goes through the public commands over HTTP, as an
 * upstream system would send it.
 *
 * The simulator (`npm run simulate`) will produce the same kind of store at
 * scale; the tests read every figure they check from the API, never from
 * this file, so they will not change when it takes this one's place.
 */
export interface DashboardData {
  scenario: EvaluationScenario;
  /** An Always Event whose process measure has thirty months in two phases. */
  longSeries: { alwaysEventId: string; measureId: string };
  evaluationId: string;
  /** Trusts registered besides the scenario's, and how many of them enrolled. */
  trusts: number;
  enrolled: number;
}

export interface FillOptions {
  /** Extra NHS trusts to register (at least 4); three in four enrol. */
  trusts: number;
}

const TYPES = ['AcuteTrust', 'MentalHealthTrust', 'CommunityTrust', 'AmbulanceTrust', 'CombinedTrust'];
const REGIONS = ['Y56', 'Y58', 'Y59', 'Y60', 'Y61', 'Y62', 'Y63'];
const SETTINGS = [
  'AcuteInpatient',
  'Maternity',
  'Children',
  'MentalHealth',
  'Outpatients',
  'CommunityNursing',
];

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The i-th of n enrolment dates, spread evenly from 15 January 2017 to 15 March 2019. */
function enrolmentDate(i: number, n: number): string {
  const month = Math.floor((i * 27) / n);
  const year = 2017 + Math.floor(month / 12);
  return `${year}-${String((month % 12) + 1).padStart(2, '0')}-15`;
}

/** Runs the jobs a few at a time: the store serialises writes, HTTP round trips need not wait for each other. */
async function inBatches<T>(
  items: readonly T[],
  width: number,
  job: (item: T, index: number) => Promise<void>,
) {
  for (let start = 0; start < items.length; start += width) {
    await Promise.all(items.slice(start, start + width).map((item, i) => job(item, start + i)));
  }
}

async function enrol(send: Send, odsCode: string, on: string, cohortId?: string): Promise<void> {
  const base = { programmeSlug, odsCode };
  await send('ExpressInterest', { ...base, expressedOn: addDays(on, -30) });
  await send('ConfirmExecutiveSponsor', { ...base, sponsor: CHIEF_NURSE, confirmedOn: addDays(on, -20) });
  await send('SignParticipationCommitment', {
    ...base,
    commitments: ALL_COMMITMENTS,
    signedOn: addDays(on, -10),
  });
  await send('EnrolOrganisation', {
    ...base,
    enrolledOn: on,
    phaseId: 'spread',
    enrolmentRoute: 'Direct',
    ...(cohortId ? { cohortId } : {}),
  });
}

export async function fillDashboardData(url: string, options: FillOptions): Promise<DashboardData> {
  const client = commandClient(url);
  const send = sender(client);
  const scenario = await walkEvaluationScenario(client);
  await send('SetEnrolmentTarget', {
    programmeSlug,
    targetId: 'mandate-2017-19',
    metric: 'EnrolledWithSeniorSupport',
    threshold: Math.round(options.trusts * 0.6),
    deadline: '2019-03-31',
    setDate: '2017-01-01',
    source: 'NHS Mandate 2017-19',
    denominatorDefinition: 'NHS trusts in England open on the date (ODS register)',
  });
  const codes = Array.from({ length: options.trusts }, (_, i) => `D${String(i).padStart(3, '0')}`);
  await inBatches(codes, 8, async (odsCode, i) => {
    await send('RegisterOrganisation', {
      odsCode,
      name: `Demonstration NHS Trust ${odsCode}`,
      type: TYPES[i % TYPES.length],
      regionCode: REGIONS[i % REGIONS.length],
      isNhsTrust: true,
      openDate: '2005-04-01',
    });
  });
  const enrolling = codes.filter((_, i) => i % 4 !== 3);
  await inBatches(enrolling, 4, async (odsCode, i) => {
    const on = enrolmentDate(i, enrolling.length);
    // Cohorts were scheduled for September 2017: earlier enrollers joined directly.
    const cohort = on < '2017-09-01' ? undefined : i % 2 === 0 ? 'cohort-1' : 'cohort-2';
    await enrol(send, odsCode, on, cohort);
  });
  const longSeries = await alwaysEventsAcrossSettings(url, enrolling);
  const evaluationId = randomUUID();
  await send('CommissionEvaluation', {
    evaluationId,
    title: 'Evaluation of Always Events spread',
    evaluator: 'Picker Institute Europe',
    commissioner: 'NHS England',
    scope: 'Spread',
    questions: ['How far did Always Events spread, and did the changes last?'],
  });
  return { scenario, longSeries, evaluationId, trusts: options.trusts, enrolled: enrolling.length };
}

/**
 * Up to a dozen more Always Events, soon after their trusts enrolled, in
 * several settings: half agreed, half only initiated; the first agreed one
 * gets the long measure.
 */
async function alwaysEventsAcrossSettings(
  url: string,
  enrolled: string[],
): Promise<DashboardData['longSeries']> {
  const client = commandClient(url);
  const [send, steps] = [sender(client), scenarioSteps(client)];
  const patient = ['P-1', 'PatientOrServiceUser'] as [string, string];
  const staff = ['S-1', 'PointOfCareStaff'] as [string, string];
  let longSeries: DashboardData['longSeries'] | undefined;
  for (let i = 0; i < 12 && i * 9 < enrolled.length; i++) {
    const odsCode = enrolled[i * 9] as string;
    const initiated = addDays(enrolmentDate(i * 9, enrolled.length), 10);
    const where = { odsCode, setting: SETTINGS[i % SETTINGS.length] as string };
    const alwaysEventId = randomUUID();
    if (i % 2 === 1) {
      const homeUnit = { unitId: 'home', name: `Home unit of ${odsCode}`, setting: where.setting };
      const population = 'People using the service';
      await send(
        'InitiateAlwaysEvent',
        { alwaysEventId, programmeSlug, odsCode, homeUnit, population },
        initiated,
      );
      continue;
    }
    const dates = { initiated, agreed: addDays(initiated, 40) };
    await steps.agreeStatement(alwaysEventId, where, dates, [patient, staff], [3, 1, 2, 0]);
    longSeries ??= { alwaysEventId, measureId: await longMeasure(send, alwaysEventId, dates.agreed) };
  }
  if (!longSeries) throw new Error('No trust enrolled to hold the Always Events: ask for at least 4 trusts');
  return longSeries;
}
