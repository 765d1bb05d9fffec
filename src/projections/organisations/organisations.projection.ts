import { OrganisationEvent } from '../../domain/organisation';
import { ParticipationEvent } from '../../domain/participation';
import { RecordedEvent } from '../../event-store/recorded-event';
import { Projection } from '../runner/projection';
import { routeEvent } from '../runner/routed-event';

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

/** A participation event's step on the organisation's page; null for the sponsor's (kept apart) and the rest. */
function stepOf(e: ParticipationEvent): ParticipationStep | null {
  const step = (on: string, name: string, detail: string | null = null) => ({ on, step: name, detail });
  switch (e.type) {
    case 'InterestExpressed':
      return step(e.data.expressedOn, 'interest expressed');
    case 'ParticipationCommitmentSigned':
      return step(e.data.signedOn, 'commitment signed', e.data.complete ? 'every commitment' : 'incomplete');
    case 'OrganisationEnrolled':
      return step(
        e.data.enrolledOn,
        'enrolled',
        `phase ${e.data.phaseId}${e.data.cohortId ? `, cohort ${e.data.cohortId}` : ''}`,
      );
    case 'OrganisationAssignedToCohort':
      return step(e.data.assignedOn, 'assigned to cohort', e.data.cohortId);
    case 'LocalLeadAppointed':
      return step(e.data.appointedOn, 'local lead appointed');
    case 'OversightTeamEstablished':
      return step(e.data.establishedOn, 'oversight team established');
    case 'ParticipationPaused':
      return step(e.data.pausedOn, 'paused', e.data.reason);
    case 'ParticipationResumed':
      return step(e.data.resumedOn, 'resumed');
    case 'OrganisationWithdrew':
      return step(e.data.withdrawnOn, 'withdrew', e.data.reason);
    case 'ParticipationCompleted':
      return step(e.data.completedOn, 'completed', e.data.reason);
    default:
      return null;
  }
}

/** The executive sponsor's post over time (Board-level or not, vacant): never the person's name. */
function sponsorStepOf(e: ParticipationEvent): SponsorStep | null {
  switch (e.type) {
    case 'ExecutiveSponsorConfirmed':
      return {
        on: e.data.confirmedOn,
        change: 'confirmed',
        isBoardLevel: e.data.sponsor.isBoardLevel,
        seniorSupport: e.data.seniorSupport,
      };
    case 'ExecutiveSponsorChanged':
      return {
        on: e.data.changedOn,
        change: 'changed',
        isBoardLevel: e.data.sponsor.isBoardLevel,
        seniorSupport: e.data.seniorSupport,
      };
    case 'ExecutiveSponsorVacated':
      return { on: e.data.vacatedOn, change: 'vacated', isBoardLevel: null, seniorSupport: false };
    default:
      return null;
  }
}

function applyRegister(state: OrganisationsState, e: OrganisationEvent): void {
  switch (e.type) {
    case 'OrganisationRegistered':
      insertDated(profile(state, e.data.odsCode).history, {
        on: e.data.openDate,
        change: 'registered',
        detail: `${e.data.name} (${e.data.type})`,
      });
      return;
    case 'OrganisationRenamed':
      insertDated(profile(state, e.data.odsCode).history, {
        on: e.data.effectiveDate,
        change: 'renamed',
        detail: `${e.data.oldName} → ${e.data.newName}`,
      });
      return;
    case 'OrganisationReclassified':
      insertDated(profile(state, e.data.odsCode).history, {
        on: e.data.effectiveDate,
        change: 'reclassified',
        detail: `${e.data.fromType} → ${e.data.toType}`,
      });
      return;
    case 'OrganisationsMerged':
      insertDated(profile(state, e.data.predecessorOdsCode).history, {
        on: e.data.effectiveDate,
        change: 'merged-into',
        detail: e.data.successorOdsCode,
      });
      insertDated(profile(state, e.data.successorOdsCode).history, {
        on: e.data.effectiveDate,
        change: 'absorbed',
        detail: e.data.predecessorOdsCode,
      });
      return;
    case 'OrganisationDissolved':
      insertDated(profile(state, e.data.odsCode).history, {
        on: e.data.effectiveDate,
        change: 'dissolved',
        detail: e.data.reason,
      } as RegisterChange);
      return;
  }
}

/** The events each apply… function takes (the others of their streams change nothing here). */
const REGISTER: readonly OrganisationEvent['type'][] = [
  'OrganisationRegistered',
  'OrganisationRenamed',
  'OrganisationReclassified',
  'OrganisationsMerged',
  'OrganisationDissolved',
];
const PARTICIPATION: readonly ParticipationEvent['type'][] = [
  'InterestExpressed',
  'ParticipationCommitmentSigned',
  'OrganisationEnrolled',
  'OrganisationAssignedToCohort',
  'LocalLeadAppointed',
  'OversightTeamEstablished',
  'ParticipationPaused',
  'ParticipationResumed',
  'OrganisationWithdrew',
  'ParticipationCompleted',
  'ExecutiveSponsorConfirmed',
  'ExecutiveSponsorChanged',
  'ExecutiveSponsorVacated',
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
  filter: { eventTypes: [...REGISTER, ...PARTICIPATION] },
  initialState: () => ({ organisations: {} }),
  apply(state, event: RecordedEvent) {
    const routed = routeEvent(event);
    if (routed?.category === 'organisation') applyRegister(state, routed.event);
    else if (routed?.category === 'participation') {
      const e = routed.event;
      const step = stepOf(e);
      if (step) insertDated(participation(state, e.data).steps, step);
      const sponsor = sponsorStepOf(e);
      if (sponsor) insertDated(participation(state, e.data).sponsor, sponsor);
    }
    return state;
  },
};
