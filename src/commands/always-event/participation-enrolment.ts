/**
 * Whether an organisation is enrolled in a programme, folded from its
 * participation stream for the "initiating needs an enrolled participation"
 * rule.
 *
 * A stand-in: the Participation decider is being built on another branch at
 * the same time. Its event names are the public contract (DESIGN.md §4), so
 * this fold reads the real stream; when that decider is merged the integrator
 * swaps this for a load of its state and deletes this file.
 */
export type ParticipationStatus =
  'None' | 'Interested' | 'SponsorConfirmed' | 'Enrolled' | 'Paused' | 'Withdrawn' | 'Completed';

export interface ParticipationEnrolment {
  status: ParticipationStatus;
}

export const participationStreamId = (programmeSlug: string, odsCode: string): string =>
  `participation-${programmeSlug}.${odsCode}`;

/** The status each event moves a participation to; events absent here leave it as it is. */
const TRANSITIONS: Record<string, ParticipationStatus> = {
  InterestExpressed: 'Interested',
  ExecutiveSponsorConfirmed: 'SponsorConfirmed',
  OrganisationEnrolled: 'Enrolled',
  ParticipationPaused: 'Paused',
  ParticipationResumed: 'Enrolled',
  OrganisationWithdrew: 'Withdrawn',
  ParticipationCompleted: 'Completed',
};

/**
 * Commitments, cohort, local lead, oversight team and sponsor changes do not
 * change enrolment: a vacated sponsor leaves the organisation enrolled
 * (research/domain.md §8.4), only without senior support.
 */
const KEEPS_STATUS = new Set([
  'ParticipationCommitmentSigned',
  'OrganisationAssignedToCohort',
  'LocalLeadAppointed',
  'OversightTeamEstablished',
  'ExecutiveSponsorChanged',
  'ExecutiveSponsorVacated',
]);

export const participationEnrolment = {
  initialState: (): ParticipationEnrolment => ({ status: 'None' }),
  evolve(state: ParticipationEnrolment, event: { type: string }): ParticipationEnrolment {
    if (KEEPS_STATUS.has(event.type)) return state;
    const next = TRANSITIONS[event.type];
    // A sponsor confirmed again after enrolment (e.g. a late import) does not un-enrol.
    if (next === 'SponsorConfirmed' && state.status !== 'None' && state.status !== 'Interested') return state;
    return next ? { status: next } : state;
  },
};

export const isEnrolled = (state: ParticipationEnrolment): boolean => state.status === 'Enrolled';
