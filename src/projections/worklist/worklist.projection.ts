import type { AlwaysEventEvent } from '../../domain/always-event';
import type { ParticipationEvent } from '../../domain/participation';
import type { WorklistThresholds } from '../../domain/programme';
import { RecordedEvent } from '../../event-store/recorded-event';
import { Projection } from '../runner/projection';
import { routeEvent } from '../runner/routed-event';

/** What the worklist needs of an Always Event: where it is and when each step it waits on happened. */
export interface WorklistAlwaysEvent {
  alwaysEventId: string;
  programmeSlug: string;
  odsCode: string;
  /** Testing or later, not paused or closed: PDSA cycles are expected. */
  stage: 'set-up' | 'testing' | 'implementing' | 'aim-achieved' | 'sustaining' | 'paused' | 'closed';
  testingSince: string | null;
  lastPdsaPlannedOn: string | null;
  statementDraftedOn: string | null;
  statementAgreedOn: string | null;
  aimAchievedOn: string | null;
  sustainmentConfirmedOn: string | null;
}

export interface WorklistState {
  /** Thresholds by programme, as last set. */
  thresholds: Record<string, WorklistThresholds>;
  /** Sponsor posts vacant since, by `<programme>.<ods>`; removed when filled. */
  vacancies: Record<string, { programmeSlug: string; odsCode: string; since: string }>;
  alwaysEvents: Record<string, WorklistAlwaysEvent>;
}

const day = (event: RecordedEvent): string => event.metadata.occurredAt.slice(0, 10);

const STAGES: Partial<Record<AlwaysEventEvent['type'], WorklistAlwaysEvent['stage']>> = {
  TestingStarted: 'testing',
  ImplementationStarted: 'implementing',
  AimAchieved: 'aim-achieved',
  SustainmentConfirmed: 'sustaining',
  SustainmentLost: 'implementing',
  AlwaysEventPaused: 'paused',
  AlwaysEventClosed: 'closed',
};

/** The events each apply… function takes (the others of their streams change nothing here). */
const SPONSOR: readonly ParticipationEvent['type'][] = [
  'ExecutiveSponsorVacated',
  'ExecutiveSponsorChanged',
  'ExecutiveSponsorConfirmed',
];
const ALWAYS_EVENT: readonly AlwaysEventEvent['type'][] = [
  'AlwaysEventInitiated',
  'AlwaysEventStatementDrafted',
  'AlwaysEventStatementAgreed',
  'AlwaysEventResumed',
  'TestingStarted',
  'ImplementationStarted',
  'AimAchieved',
  'SustainmentConfirmed',
  'SustainmentLost',
  'AlwaysEventPaused',
  'AlwaysEventClosed',
];

function applySponsor(state: WorklistState, e: ParticipationEvent): void {
  const key = `${e.data.programmeSlug}.${e.data.odsCode}`;
  switch (e.type) {
    case 'ExecutiveSponsorVacated':
      state.vacancies[key] = {
        programmeSlug: e.data.programmeSlug,
        odsCode: e.data.odsCode,
        since: e.data.vacatedOn,
      };
      return;
    case 'ExecutiveSponsorChanged':
    case 'ExecutiveSponsorConfirmed':
      delete state.vacancies[key];
      return;
  }
}

function applyAlwaysEvent(state: WorklistState, e: AlwaysEventEvent, on: string): void {
  const d = e.data;
  if (e.type === 'AlwaysEventInitiated') {
    state.alwaysEvents[d.alwaysEventId] = {
      alwaysEventId: d.alwaysEventId,
      programmeSlug: d.programmeSlug,
      odsCode: d.odsCode,
      stage: 'set-up',
      testingSince: null,
      lastPdsaPlannedOn: null,
      statementDraftedOn: null,
      statementAgreedOn: null,
      aimAchievedOn: null,
      sustainmentConfirmedOn: null,
    };
    return;
  }
  const ae = state.alwaysEvents[d.alwaysEventId];
  if (!ae) return;
  switch (e.type) {
    case 'AlwaysEventStatementDrafted':
      ae.statementDraftedOn ??= on;
      return;
    case 'AlwaysEventStatementAgreed':
      ae.statementAgreedOn = on;
      return;
    case 'AlwaysEventResumed':
      ae.stage = ae.sustainmentConfirmedOn
        ? 'sustaining'
        : ae.aimAchievedOn
          ? 'aim-achieved'
          : ae.testingSince
            ? 'testing'
            : 'set-up';
      return;
  }
  const stage = STAGES[e.type];
  if (stage) {
    ae.stage = stage;
    if (e.type === 'TestingStarted') ae.testingSince = on;
    if (e.type === 'AimAchieved') ae.aimAchievedOn = on;
    if (e.type === 'SustainmentConfirmed') ae.sustainmentConfirmedOn = on;
  }
}

/**
 * The facts the programme team's worklist is computed from at any date
 * (worklist-report.ts): thresholds (programme settings), vacant sponsor
 * posts, and each Always Event's stage with the dates of the steps it waits
 * on. Returns come from the spread model, which already holds them.
 */
export const worklistProjection: Projection<WorklistState> = {
  name: 'worklist',
  version: 1,
  filter: { eventTypes: ['WorklistThresholdsSet', ...SPONSOR, ...ALWAYS_EVENT, 'PdsaCyclePlanned'] },
  initialState: () => ({ thresholds: {}, vacancies: {}, alwaysEvents: {} }),
  apply(state, event) {
    const routed = routeEvent(event);
    switch (routed?.category) {
      case 'programme':
        if (routed.event.type === 'WorklistThresholdsSet') {
          const { programmeSlug, ...thresholds } = routed.event.data;
          state.thresholds[programmeSlug] = thresholds;
        }
        break;
      case 'participation':
        applySponsor(state, routed.event);
        break;
      case 'always-event':
        applyAlwaysEvent(state, routed.event, day(event));
        break;
      case 'pdsa': {
        const ae =
          routed.event.type === 'PdsaCyclePlanned' && state.alwaysEvents[routed.event.data.alwaysEventId];
        if (ae) ae.lastPdsaPlannedOn = day(event);
        break;
      }
    }
    return state;
  },
};
