import { command, DraftCommand } from '../../scripts/simulator/commands';
import { isoWeekOf, nextPeriod } from '../../scripts/simulator/dates';
import { ALL_COMMITMENTS } from '../../scripts/simulator/plan/participation';
import { httpSender } from '../../scripts/simulator/run/http-sender';
import type { Principal } from '../../src/auth/principal';
import type { CommandGateway } from '../../src/commands/command-gateway';

const PROGRAMME = 'bench-programme';
const ODS = 'RBENCH';
export const UNIT_ID = 'ward-1';
const FROM = '2015-01-05';
const at = (day: string) => `${day}T09:00:00.000Z`;

/**
 * An enrolled organisation with one Always Event and `measures` weekly
 * measures on it, set up through the commands as any client would: what
 * RecordMeasurement needs before it accepts a value.
 */
export async function setUpMeasures(
  url: string,
  measures: number,
  apiKey?: string,
): Promise<{ measureIds: string[]; weeks: string[] }> {
  const { setup, measureIds, weeks } = measureSetup(measures);
  const send = httpSender({ url, sourceSystem: 'bench', apiKey });
  for (const [i, draft] of setup.entries()) await send({ ...draft, idempotencyKey: `bench-setup-${i}` });
  return { measureIds, weeks };
}

/** Sends the set-up's commands through a command gateway in this process, each with a key of its own. */
export async function submitSetup(
  gateway: CommandGateway,
  principal: Principal,
  setup: readonly DraftCommand[],
): Promise<void> {
  for (const [i, draft] of setup.entries()) {
    await gateway.submit(principal, draft.name, draft.body, {
      idempotencyKey: `setup-${i}`,
      sourceSystem: 'test',
      correlationId: `setup-${i}`,
      transport: 'internal',
    });
  }
}

/** The commands setUpMeasures sends, for a bench that sends them another way. */
export function measureSetup(measures: number): {
  setup: DraftCommand[];
  measureIds: string[];
  weeks: string[];
  odsCode: string;
  alwaysEventId: string;
} {
  const alwaysEventId = '5e1b3a2c-0d4f-4a6b-8c7d-9e0f1a2b3c4d';
  const key = { programmeSlug: PROGRAMME, odsCode: ODS };
  const measureIds = Array.from(
    { length: measures },
    (_, i) => `7a0c5e2d-1b3f-4c8a-9d6e-${String(i).padStart(12, '0')}`,
  );
  const setup: DraftCommand[] = [
    command('RegisterOrganisation', at('2010-04-01'), {
      odsCode: ODS,
      name: 'Bench NHS Trust',
      type: 'AcuteTrust',
      regionCode: 'Y56',
      isNhsTrust: true,
      openDate: '2010-04-01',
    }),
    command('LaunchProgramme', at(FROM), {
      programmeSlug: PROGRAMME,
      name: 'Bench programme',
      sponsors: ['NHS England'],
      startDate: FROM,
    }),
    command('DefinePhase', at(FROM), {
      programmeSlug: PROGRAMME,
      phaseId: 'spread',
      name: 'Spread',
      startDate: FROM,
    }),
    command('ExpressInterest', at(FROM), { ...key, expressedOn: FROM }),
    command('ConfirmExecutiveSponsor', at(FROM), {
      ...key,
      confirmedOn: FROM,
      sponsor: { personId: '0b7c56f4-2f36-4a8e-9d3c-5a1f6e2d9c02', title: 'Chief Nurse', isBoardLevel: true },
    }),
    command('SignParticipationCommitment', at(FROM), {
      ...key,
      signedOn: FROM,
      commitments: ALL_COMMITMENTS,
    }),
    command('EnrolOrganisation', at(FROM), {
      ...key,
      enrolledOn: FROM,
      phaseId: 'spread',
      enrolmentRoute: 'Direct',
    }),
    command('InitiateAlwaysEvent', at(FROM), {
      alwaysEventId,
      ...key,
      homeUnit: { unitId: UNIT_ID, name: 'Ward 1', setting: 'AcuteInpatient' },
      population: 'Patients on ward 1',
    }),
    ...measureIds.map((measureId) =>
      command('DefineMeasure', at(FROM), {
        measureId,
        alwaysEventId,
        role: 'Outcome',
        name: 'Patients who always knew what to expect at home',
        operationalDefinition: 'Discharge survey',
        numeratorDefinition: 'Patients answering Always',
        denominatorDefinition: 'Patients surveyed',
        dataSource: 'PatientSurvey',
        frequency: 'Weekly',
        targetPct: 90,
        improvementDirection: 'increase',
      }),
    ),
  ];
  const weeks: string[] = [];
  for (let week = isoWeekOf(FROM); weeks.length < 520; week = nextPeriod(week)) weeks.push(week);
  return { setup, measureIds, weeks, odsCode: ODS, alwaysEventId };
}
