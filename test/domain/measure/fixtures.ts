import {
  AlwaysEventForMeasure,
  MeasureCommand,
  measureDecider,
  MeasureEvent,
} from '../../../src/domain/measure';
import { CommandContext } from '../../../src/domain/shared';
import { context } from '../support/decider-spec';
import { historyOf } from '../support/history';

export const MEASURE = 'e1e1e1e1-0000-4000-8000-000000000001';
export const AE = '0b5a6d1e-7c1f-4f0e-9d2a-3c4b5e6f7a80';
export const HOME = 'townend-court';
export const WARD = 'ward-12';
export const alwaysEvent: AlwaysEventForMeasure = {
  programmeSlug: 'always-events-england',
  odsCode: 'RV9',
  initiatedAt: '2017-06-15T09:00:00.000Z',
  unitIds: [HOME, WARD],
  closed: false,
};

type Of<T extends MeasureCommand['type']> = Extract<MeasureCommand, { type: T }>;

export function command<T extends MeasureCommand['type']>(
  type: T,
  data: Omit<Of<T>['data'], 'measureId'>,
  facts?: Of<T>['facts'],
  overrides: Partial<CommandContext> = {},
): Of<T> {
  return {
    type,
    data: { measureId: MEASURE, ...data },
    context: context(overrides),
    facts,
  } as unknown as Of<T>;
}

export const eventsOf = (...commands: MeasureCommand[]): MeasureEvent[] =>
  historyOf(measureDecider, ...commands);

export const definition = {
  alwaysEventId: AE,
  role: 'Outcome' as const,
  name: 'Patients who always feel involved',
  operationalDefinition:
    'Share of surveyed patients answering Always to "Were you involved in planning your care?"',
  numeratorDefinition: 'Patients answering Always',
  denominatorDefinition: 'Patients answering the question',
  dataSource: 'PatientSurvey' as const,
  responseScale: 'NeverSometimesUsuallyAlways' as const,
  countsAsSuccess: ['Always' as const],
  frequency: 'Monthly' as const,
  targetPct: 85,
  improvementDirection: 'increase' as const,
};

export const commands = {
  define: (overrides: Partial<Of<'DefineMeasure'>['data']> = {}) =>
    command('DefineMeasure', { ...definition, ...overrides }, { alwaysEvent }),
  record: (period: string, numerator: number, denominator: number, unitId = HOME) =>
    command(
      'RecordMeasurement',
      { period, unitId, numerator, denominator, categoryCounts: null },
      { alwaysEvent },
    ),
  correct: (period: string, numerator: number, denominator: number, unitId = HOME) =>
    command('CorrectMeasurement', {
      period,
      unitId,
      numerator,
      denominator,
      categoryCounts: null,
      reason: 'Late survey returns',
    }),
  retract: (period: string, unitId = HOME) =>
    command('RetractMeasurement', { period, unitId, reason: 'Entered against the wrong unit' }),
  revise: (effectiveFromPeriod: string, changes: Partial<Of<'ReviseMeasureDefinition'>['data']>) =>
    command('ReviseMeasureDefinition', {
      effectiveFromPeriod,
      reason: 'Survey question reworded',
      ...changes,
    }),
  retire: () => command('RetireMeasure', { reason: 'Replaced by an audit measure' }),
};

export const defined = eventsOf(commands.define());
export const weekly = eventsOf(commands.define({ frequency: 'Weekly' }));
