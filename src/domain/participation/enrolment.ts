import { existingCohort, ensurePhaseDefined } from '../programme/guards';
import { ensure } from '../shared';
import { ensureNotInFuture } from '../shared/fact-dates';
import {
  AssignToCohort,
  ConfirmExecutiveSponsor,
  EnrolOrganisation,
  ExpressInterest,
  ProgrammeFacts,
  SignParticipationCommitment,
} from './commands';
import {
  ExecutiveSponsorConfirmed,
  InterestExpressed,
  OrganisationAssignedToCohort,
  OrganisationEnrolled,
  ParticipationCommitmentSigned,
} from './events';
import { ensureOngoing, ensureOrganisationOpenOn, ensureProgrammeOpen, ensureStatus } from './guards';
import { COMMITMENT_NAMES, ExecutiveSponsor } from './participation-types';
import { ParticipationState } from './state';

export function expressInterest(command: ExpressInterest, state: ParticipationState): InterestExpressed[] {
  const { programmeSlug, odsCode, expressedOn } = command.data;
  // One participation per organisation and programme, for good: a withdrawn
  // organisation is not enrolled again (it is enrolled at most once).
  ensure(
    state.status === 'none',
    'interest-already-expressed',
    `${odsCode} already takes part in ${programmeSlug} (${state.status})`,
  );
  ensureNotInFuture(expressedOn, command.context, 'expressedOn');
  ensureProgrammeOpen(command.facts.programme, programmeSlug, expressedOn);
  ensureOrganisationOpenOn(command.facts.organisation, expressedOn, odsCode);
  return [
    {
      type: 'InterestExpressed',
      data: {
        ...command.data,
        channel: command.data.channel ?? null,
        contactRole: command.data.contactRole ?? null,
      },
    },
  ];
}

export function confirmExecutiveSponsor(
  command: ConfirmExecutiveSponsor,
  state: ParticipationState,
): ExecutiveSponsorConfirmed[] {
  ensureStatus(state, ['interested'], 'confirm-sponsor-requires-interested', 'Confirming a first sponsor');
  ensureNotInFuture(command.data.confirmedOn, command.context, 'confirmedOn');
  return [
    {
      type: 'ExecutiveSponsorConfirmed',
      data: { ...command.data, seniorSupport: command.data.sponsor.isBoardLevel },
    },
  ];
}

export function signParticipationCommitment(
  command: SignParticipationCommitment,
  state: ParticipationState,
): ParticipationCommitmentSigned[] {
  ensureStatus(
    state,
    ['interested', 'sponsorConfirmed'],
    'sign-commitment-requires-interested-or-sponsor-confirmed',
    'Signing the commitment',
  );
  ensureNotInFuture(command.data.signedOn, command.context, 'signedOn');
  const complete = COMMITMENT_NAMES.every((name) => command.data.commitments[name]);
  return [{ type: 'ParticipationCommitmentSigned', data: { ...command.data, complete } }];
}

function ensureBoardLevelSponsor(state: ParticipationState): ExecutiveSponsor {
  const sponsor = state.sponsor;
  ensure(
    state.sponsorVacatedOn === null,
    'executive-sponsor-vacant',
    `The executive sponsor's post has been vacant since ${state.sponsorVacatedOn}`,
  );
  ensure(sponsor !== null, 'executive-sponsor-not-confirmed', 'No executive sponsor has been confirmed');
  ensure(
    sponsor.isBoardLevel,
    'executive-sponsor-not-board-level',
    `Enrolment needs a Board-level executive sponsor; the ${sponsor.title} is not Board-level`,
  );
  return sponsor;
}

function ensureCommitmentComplete(state: ParticipationState): void {
  const missing = COMMITMENT_NAMES.filter((name) => !state.commitments?.[name]);
  ensure(
    state.commitmentComplete,
    'participation-commitment-incomplete',
    state.commitments === null
      ? 'No participation commitment has been signed'
      : `The signed commitment lacks: ${missing.join(', ')}`,
  );
}

/** A named cohort must belong to the programme, be open, and run in the phase enrolled into. */
function ensureCohortFitsPhase(programme: ProgrammeFacts, cohortId: string, phaseId: string): void {
  const cohort = existingCohort(programme, cohortId);
  ensure(cohort.status !== 'closed', 'cohort-closed', `Cohort ${cohortId} is closed`, 'conflict', 'cohortId');
  ensure(
    cohort.phaseId === phaseId,
    'cohort-not-in-phase',
    `Cohort ${cohortId} belongs to phase ${cohort.phaseId}, not ${phaseId}`,
    'invalid',
    'cohortId',
  );
}

export function enrolOrganisation(
  command: EnrolOrganisation,
  state: ParticipationState,
): OrganisationEnrolled[] {
  const { programmeSlug, odsCode, enrolledOn, phaseId, enrolmentRoute } = command.data;
  ensure(
    state.enrolledOn === null,
    'organisation-already-enrolled',
    `${odsCode} was already enrolled in ${programmeSlug} on ${state.enrolledOn}`,
  );
  ensureOngoing(state);
  const sponsor = ensureBoardLevelSponsor(state);
  ensureCommitmentComplete(state);
  ensureNotInFuture(enrolledOn, command.context, 'enrolledOn');
  const { programme, organisation } = command.facts;
  ensureProgrammeOpen(programme, programmeSlug, enrolledOn);
  ensurePhaseDefined(programme, phaseId);
  if (command.data.cohortId !== undefined) ensureCohortFitsPhase(programme, command.data.cohortId, phaseId);
  const cohortId = command.data.cohortId ?? state.cohortId;
  ensure(
    enrolmentRoute !== 'CohortLaunch' || cohortId !== null,
    'cohort-launch-route-needs-cohort',
    'An enrolment through a cohort launch must name the cohort',
    'invalid',
    'cohortId',
  );
  ensureOrganisationOpenOn(organisation, enrolledOn, odsCode);
  return [
    {
      type: 'OrganisationEnrolled',
      data: {
        programmeSlug,
        odsCode,
        enrolledOn,
        phaseId,
        enrolmentRoute,
        cohortId,
        sponsorPersonId: sponsor.personId,
        sponsorIsBoardLevel: sponsor.isBoardLevel,
        seniorSupport: true,
      },
    },
  ];
}

export function assignToCohort(
  command: AssignToCohort,
  state: ParticipationState,
): OrganisationAssignedToCohort[] {
  const { cohortId, assignedOn } = command.data;
  ensureStatus(
    state,
    ['sponsorConfirmed', 'enrolled'],
    'assign-to-cohort-requires-sponsor-confirmed-or-enrolled',
    'Assigning to a cohort',
  );
  ensureNotInFuture(assignedOn, command.context, 'assignedOn');
  const cohort = existingCohort(command.facts.programme, cohortId);
  ensure(
    cohort.status === 'scheduled' || cohort.status === 'launched',
    'cohort-closed',
    `Cohort ${cohortId} is closed`,
    'conflict',
    'cohortId',
  );
  ensure(
    state.cohortId !== cohortId,
    'already-in-cohort',
    `The organisation is already in cohort ${cohortId}`,
    'conflict',
    'cohortId',
  );
  return [
    {
      type: 'OrganisationAssignedToCohort',
      data: { ...command.data, phaseId: cohort.phaseId, previousCohortId: state.cohortId },
    },
  ];
}
