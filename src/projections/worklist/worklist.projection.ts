import type { WorklistThresholds } from '../../domain/programme';
import { RecordedEvent } from '../../event-store/recorded-event';
import { Projection } from '../runner/projection';

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

const STAGES: Record<string, WorklistAlwaysEvent['stage']> = {
  TestingStarted: 'testing',
  ImplementationStarted: 'implementing',
  AimAchieved: 'aim-achieved',
  SustainmentConfirmed: 'sustaining',
  SustainmentLost: 'implementing',
  AlwaysEventPaused: 'paused',
  AlwaysEventClosed: 'closed',
};

/**
 * The facts the programme team's worklist is computed from at any date
 * (worklist-report.ts): thresholds (programme settings), vacant sponsor
 * posts, and each Always Event's stage with the dates of the steps it waits
 * on. Returns come from the spread model, which already holds them.
 */
export const worklistProjection: Projection<WorklistState> = {
  name: 'worklist',
  version: 1,
  filter: {
    eventTypes: [
      'WorklistThresholdsSet',
      'ExecutiveSponsorVacated',
      'ExecutiveSponsorChanged',
      'ExecutiveSponsorConfirmed',
      'AlwaysEventInitiated',
      'AlwaysEventStatementDrafted',
      'AlwaysEventStatementAgreed',
      'PdsaCyclePlanned',
      'AlwaysEventResumed',
      ...Object.keys(STAGES),
    ],
  },
  initialState: () => ({ thresholds: {}, vacancies: {}, alwaysEvents: {} }),
  apply(state, event) {
    const d = event.data as Record<string, unknown> & {
      programmeSlug: string;
      odsCode: string;
      alwaysEventId: string;
    };
    const key = `${d.programmeSlug}.${d.odsCode}`;
    switch (event.type) {
      case 'WorklistThresholdsSet': {
        const { programmeSlug, ...thresholds } = d as unknown as WorklistThresholds & {
          programmeSlug: string;
        };
        state.thresholds[programmeSlug] = thresholds;
        return state;
      }
      case 'ExecutiveSponsorVacated':
        state.vacancies[key] = {
          programmeSlug: d.programmeSlug,
          odsCode: d.odsCode,
          since: String(d.vacatedOn),
        };
        return state;
      case 'ExecutiveSponsorChanged':
      case 'ExecutiveSponsorConfirmed':
        delete state.vacancies[key];
        return state;
      case 'AlwaysEventInitiated':
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
        return state;
    }
    const ae = state.alwaysEvents[d.alwaysEventId];
    if (!ae) return state;
    switch (event.type) {
      case 'AlwaysEventStatementDrafted':
        ae.statementDraftedOn ??= day(event);
        return state;
      case 'AlwaysEventStatementAgreed':
        ae.statementAgreedOn = day(event);
        return state;
      case 'PdsaCyclePlanned':
        ae.lastPdsaPlannedOn = day(event);
        return state;
      case 'AlwaysEventResumed':
        ae.stage = ae.sustainmentConfirmedOn
          ? 'sustaining'
          : ae.aimAchievedOn
            ? 'aim-achieved'
            : ae.testingSince
              ? 'testing'
              : 'set-up';
        return state;
    }
    const stage = STAGES[event.type];
    if (stage) {
      ae.stage = stage;
      if (event.type === 'TestingStarted') ae.testingSince = day(event);
      if (event.type === 'AimAchieved') ae.aimAchievedOn = day(event);
      if (event.type === 'SustainmentConfirmed') ae.sustainmentConfirmedOn = day(event);
    }
    return state;
  },
};
