import { IsoDate } from '../shared';
import { ParticipationEvent } from './events';
import {
  EnrolmentRoute,
  ExecutiveSponsor,
  OversightTeam,
  ParticipationCommitments,
  PersonRef,
} from './participation-types';

/** `none`: interest not yet expressed (the stream is empty). */
export type ParticipationStatus =
  'none' | 'interested' | 'sponsorConfirmed' | 'enrolled' | 'paused' | 'withdrawn' | 'completed';

export interface ParticipationState {
  status: ParticipationStatus;
  programmeSlug: string | null;
  odsCode: string | null;
  /** The current sponsor; null before confirmation and while the post is vacant. */
  sponsor: ExecutiveSponsor | null;
  sponsorVacatedOn: IsoDate | null;
  /**
   * The headline metric's condition, "with senior support": a confirmed
   * Board-level sponsor whose post is not vacant. A vacancy leaves the
   * organisation enrolled but without it.
   */
  seniorSupport: boolean;
  commitments: ParticipationCommitments | null;
  commitmentComplete: boolean;
  enrolledOn: IsoDate | null;
  phaseId: string | null;
  enrolmentRoute: EnrolmentRoute | null;
  cohortId: string | null;
  localLead: PersonRef | null;
  oversightTeam: OversightTeam | null;
  pausedOn: IsoDate | null;
  endedOn: IsoDate | null;
}

export const initialState = (): ParticipationState => ({
  status: 'none',
  programmeSlug: null,
  odsCode: null,
  sponsor: null,
  sponsorVacatedOn: null,
  seniorSupport: false,
  commitments: null,
  commitmentComplete: false,
  enrolledOn: null,
  phaseId: null,
  enrolmentRoute: null,
  cohortId: null,
  localLead: null,
  oversightTeam: null,
  pausedOn: null,
  endedOn: null,
});

export function evolve(state: ParticipationState, event: ParticipationEvent): ParticipationState {
  switch (event.type) {
    case 'InterestExpressed':
      return {
        ...state,
        status: 'interested',
        programmeSlug: event.data.programmeSlug,
        odsCode: event.data.odsCode,
      };
    case 'ExecutiveSponsorConfirmed':
      return {
        ...state,
        status: 'sponsorConfirmed',
        sponsor: event.data.sponsor,
        seniorSupport: event.data.seniorSupport,
      };
    case 'ParticipationCommitmentSigned':
      return { ...state, commitments: event.data.commitments, commitmentComplete: event.data.complete };
    case 'OrganisationEnrolled':
      return {
        ...state,
        status: 'enrolled',
        enrolledOn: event.data.enrolledOn,
        phaseId: event.data.phaseId,
        enrolmentRoute: event.data.enrolmentRoute,
        cohortId: event.data.cohortId,
      };
    case 'OrganisationAssignedToCohort':
      return { ...state, cohortId: event.data.cohortId };
    case 'LocalLeadAppointed':
      return { ...state, localLead: event.data.lead };
    case 'OversightTeamEstablished':
      return {
        ...state,
        oversightTeam: { members: event.data.members, chairPersonId: event.data.chairPersonId },
      };
    case 'ExecutiveSponsorChanged':
      return {
        ...state,
        sponsor: event.data.sponsor,
        sponsorVacatedOn: null,
        seniorSupport: event.data.seniorSupport,
      };
    case 'ExecutiveSponsorVacated':
      return { ...state, sponsor: null, sponsorVacatedOn: event.data.vacatedOn, seniorSupport: false };
    case 'ParticipationPaused':
      return { ...state, status: 'paused', pausedOn: event.data.pausedOn };
    case 'ParticipationResumed':
      return { ...state, status: 'enrolled', pausedOn: null };
    case 'OrganisationWithdrew':
      return { ...state, status: 'withdrawn', endedOn: event.data.withdrawnOn };
    case 'ParticipationCompleted':
      return { ...state, status: 'completed', endedOn: event.data.completedOn };
  }
}

/** Enrolled or paused: still taking part (the engagement log and Always Events need this). */
export const isTakingPart = (state: Pick<ParticipationState, 'status'>): boolean =>
  state.status === 'enrolled' || state.status === 'paused';
