import {
  AlwaysEventForPdsa,
  PdsaCommand,
  pdsaDecider,
  PdsaEvent,
  PreviousPdsaCycle,
} from '../../../src/domain/pdsa';
import { context } from '../support/decider-spec';
import { historyOf } from '../support/history';

export const CYCLE = 'd1d1d1d1-0000-4000-8000-000000000002';
export const PREVIOUS = 'd1d1d1d1-0000-4000-8000-000000000001';
export const AE = '0b5a6d1e-7c1f-4f0e-9d2a-3c4b5e6f7a80';
export const IDEA = 'a1a1a1a1-0000-4000-8000-000000000004';
export const ref = { pdsaCycleId: CYCLE, alwaysEventId: AE, changeIdeaId: IDEA, cycleNumber: 1 };

type Of<T extends PdsaCommand['type']> = Extract<PdsaCommand, { type: T }>;

export function command<T extends PdsaCommand['type']>(
  type: T,
  data: Omit<Of<T>['data'], 'pdsaCycleId'>,
  facts?: Of<T>['facts'],
): Of<T> {
  return { type, data: { pdsaCycleId: CYCLE, ...data }, context: context(), facts } as unknown as Of<T>;
}

export const eventsOf = (...commands: PdsaCommand[]): PdsaEvent[] => historyOf(pdsaDecider, ...commands);

export const alwaysEvent: AlwaysEventForPdsa = {
  phase: 'Testing',
  programmeSlug: 'always-events-england',
  odsCode: 'RV9',
  changeIdeaIds: [IDEA],
};
export const smallScale = { unit: 'patients', nPatients: 2, durationDays: 1 };
export const plan = {
  alwaysEventId: AE,
  changeIdeaId: IDEA,
  cycleNumber: 1,
  previousCycleId: null,
  objective: 'Can patients reach family by phone within 5 minutes of asking?',
  questions: ['Is the trolley phone charged at 7pm?'],
  predictions: ['Both patients reach family within 5 minutes', 'Night staff find the trolley without asking'],
  plan: {
    who: 'Night nurse',
    what: 'Offer the trolley phone',
    where: 'Townend Court',
    when: 'Tuesday night',
  },
  scale: smallScale,
  dataToCollect: ['Minutes from asking to call'],
};
export const previousAdapted: PreviousPdsaCycle = {
  alwaysEventId: AE,
  changeIdeaId: IDEA,
  cycleNumber: 1,
  status: 'Completed',
  decision: 'Adapt',
  scale: smallScale,
};

export const commands = {
  plan: (
    overrides: Partial<Of<'PlanPdsaCycle'>['data']> = {},
    facts: Partial<Of<'PlanPdsaCycle'>['facts']> = {},
  ) => command('PlanPdsaCycle', { ...plan, ...overrides }, { alwaysEvent, previousCycle: null, ...facts }),
  start: () => command('StartPdsaCycle', {}),
  observe: (observationId = 'e0e0e0e0-0000-4000-8000-000000000001') =>
    command('RecordObservation', {
      observationId,
      kind: 'Unexpected',
      text: 'One patient preferred a video call',
      observedOn: '2018-03-20',
    }),
  study: (indexes = [0, 1]) =>
    command('RecordStudy', {
      resultsSummary: 'Both calls connected in under 4 minutes',
      predictionOutcomes: indexes.map((predictionIndex) => ({
        predictionIndex,
        outcome: 'Confirmed' as const,
        note: null,
      })),
      learning: 'Charging at handover works',
    }),
  complete: (decision: 'Adopt' | 'Adapt' | 'Abandon' = 'Adapt') =>
    command('CompletePdsaCycle', { decision, nextSteps: 'Try a week of nights' }),
  cancel: () => command('CancelPdsaCycle', { reason: 'Ward closed to admissions' }),
};

export const planned = eventsOf(commands.plan());
export const running = eventsOf(commands.plan(), commands.start());
export const studied = eventsOf(commands.plan(), commands.start(), commands.study());
