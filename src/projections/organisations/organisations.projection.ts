import { RecordedEvent } from '../../event-store/recorded-event';
import { Projection } from '../runner/projection';

/** One dated change of an organisation's register entry. */
export interface RegisterChange {
  on: string;
  change: 'registered' | 'renamed' | 'reclassified' | 'merged-into' | 'absorbed' | 'dissolved';
  detail: string;
}

/** One dated step of a participation: status, cohort, or its executive sponsor (no names: posts and dates). */
export interface ParticipationStep {
  on: string;
  step: string;
  detail: string | null;
}

export interface OrganisationProfile {
  odsCode: string;
  history: RegisterChange[];
  /** By programme slug. */
  participations: Record<string, { steps: ParticipationStep[]; sponsor: SponsorStep[] }>;
}

export interface SponsorStep {
  on: string;
  change: 'confirmed' | 'changed' | 'vacated';
  isBoardLevel: boolean | null;
  seniorSupport: boolean;
}

export interface OrganisationsState {
  organisations: Record<string, OrganisationProfile>;
}

const profile = (state: OrganisationsState, odsCode: string): OrganisationProfile =>
  (state.organisations[odsCode] ??= { odsCode, history: [], participations: {} });

const participation = (state: OrganisationsState, data: { programmeSlug: string; odsCode: string }) =>
  (profile(state, data.odsCode).participations[data.programmeSlug] ??= { steps: [], sponsor: [] });

/** Kept in date order even when facts arrive late. */
function insertDated<T extends { on: string }>(list: T[], item: T): void {
  let i = list.length;
  while (i > 0 && list[i - 1].on > item.on) i--;
  list.splice(i, 0, item);
}

type Data = Record<string, unknown> & { odsCode: string; programmeSlug: string };

const STEPS: Record<string, [dateField: string, step: string, detail?: (d: Data) => string | null]> = {
  InterestExpressed: ['expressedOn', 'interest expressed'],
  ParticipationCommitmentSigned: [
    'signedOn',
    'commitment signed',
    (d) => (d.complete ? 'every commitment' : 'incomplete'),
  ],
  OrganisationEnrolled: [
    'enrolledOn',
    'enrolled',
    (d) => `phase ${String(d.phaseId)}${d.cohortId ? `, cohort ${String(d.cohortId)}` : ''}`,
  ],
  OrganisationAssignedToCohort: ['assignedOn', 'assigned to cohort', (d) => String(d.cohortId)],
  LocalLeadAppointed: ['appointedOn', 'local lead appointed'],
  OversightTeamEstablished: ['establishedOn', 'oversight team established'],
  ParticipationPaused: ['pausedOn', 'paused', (d) => String(d.reason)],
  ParticipationResumed: ['resumedOn', 'resumed'],
  OrganisationWithdrew: ['withdrawnOn', 'withdrew', (d) => String(d.reason)],
  ParticipationCompleted: ['completedOn', 'completed', (d) => String(d.reason)],
};

const SPONSOR: Record<string, [dateField: string, change: SponsorStep['change']]> = {
  ExecutiveSponsorConfirmed: ['confirmedOn', 'confirmed'],
  ExecutiveSponsorChanged: ['changedOn', 'changed'],
  ExecutiveSponsorVacated: ['vacatedOn', 'vacated'],
};

function applyRegister(state: OrganisationsState, type: string, d: Record<string, unknown>): void {
  const on = String(d.effectiveDate ?? d.openDate ?? '');
  switch (type) {
    case 'OrganisationRegistered':
      insertDated(profile(state, String(d.odsCode)).history, {
        on: String(d.openDate),
        change: 'registered',
        detail: `${String(d.name)} (${String(d.type)})`,
      });
      return;
    case 'OrganisationRenamed':
      insertDated(profile(state, String(d.odsCode)).history, {
        on,
        change: 'renamed',
        detail: `${String(d.oldName)} → ${String(d.newName)}`,
      });
      return;
    case 'OrganisationReclassified':
      insertDated(profile(state, String(d.odsCode)).history, {
        on,
        change: 'reclassified',
        detail: `${String(d.fromType)} → ${String(d.toType)}`,
      });
      return;
    case 'OrganisationsMerged':
      insertDated(profile(state, String(d.predecessorOdsCode)).history, {
        on,
        change: 'merged-into',
        detail: String(d.successorOdsCode),
      });
      insertDated(profile(state, String(d.successorOdsCode)).history, {
        on,
        change: 'absorbed',
        detail: String(d.predecessorOdsCode),
      });
      return;
    case 'OrganisationDissolved':
      insertDated(profile(state, String(d.odsCode)).history, {
        on,
        change: 'dissolved',
        detail: d.reason === null ? null : String(d.reason),
      } as RegisterChange);
      return;
  }
}

const REGISTER = [
  'OrganisationRegistered',
  'OrganisationRenamed',
  'OrganisationReclassified',
  'OrganisationsMerged',
  'OrganisationDissolved',
];

/**
 * Each organisation's history, for its page: register changes (renames,
 * reclassifications, mergers and dissolutions with their dates) and, per
 * programme, every participation step and the executive sponsor's post
 * (Board-level or not, vacant) over time. Names of people are never kept.
 */
export const organisationsProjection: Projection<OrganisationsState> = {
  name: 'organisations',
  version: 1,
  filter: { eventTypes: [...REGISTER, ...Object.keys(STEPS), ...Object.keys(SPONSOR)] },
  initialState: () => ({ organisations: {} }),
  apply(state, event: RecordedEvent) {
    const d = event.data as Data;
    if (REGISTER.includes(event.type)) applyRegister(state, event.type, d);
    else if (STEPS[event.type]) {
      const [field, step, detail] = STEPS[event.type];
      insertDated(participation(state, d).steps, {
        on: String(d[field]),
        step,
        detail: detail ? detail(d) : null,
      });
    } else if (SPONSOR[event.type]) {
      const [field, change] = SPONSOR[event.type];
      const sponsor = d.sponsor as { isBoardLevel?: boolean } | undefined;
      insertDated(participation(state, d).sponsor, {
        on: String(d[field]),
        change,
        isBoardLevel: sponsor?.isBoardLevel ?? null,
        seniorSupport: Boolean(d.seniorSupport),
      });
    }
    return state;
  },
};
