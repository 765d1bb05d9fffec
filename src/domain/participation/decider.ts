import { Decider } from '../decider';
import { DomainError } from '../shared';
import { ParticipationCommand } from './commands';
import {
  assignToCohort,
  confirmExecutiveSponsor,
  enrolOrganisation,
  expressInterest,
  signParticipationCommitment,
} from './enrolment';
import { ParticipationEvent } from './events';
import {
  appointLocalLead,
  changeExecutiveSponsor,
  establishOversightTeam,
  recordSponsorVacancy,
} from './leadership';
import {
  completeParticipation,
  pauseParticipation,
  resumeParticipation,
  withdrawOrganisation,
} from './lifecycle';
import { evolve, initialState, ParticipationState } from './state';

export function decide(command: ParticipationCommand, state: ParticipationState): ParticipationEvent[] {
  switch (command.type) {
    case 'ExpressInterest':
      return expressInterest(command, state);
    case 'ConfirmExecutiveSponsor':
      return confirmExecutiveSponsor(command, state);
    case 'SignParticipationCommitment':
      return signParticipationCommitment(command, state);
    case 'EnrolOrganisation':
      return enrolOrganisation(command, state);
    case 'AssignToCohort':
      return assignToCohort(command, state);
    case 'AppointLocalLead':
      return appointLocalLead(command, state);
    case 'EstablishOversightTeam':
      return establishOversightTeam(command, state);
    case 'ChangeExecutiveSponsor':
      return changeExecutiveSponsor(command, state);
    case 'RecordSponsorVacancy':
      return recordSponsorVacancy(command, state);
    case 'PauseParticipation':
      return pauseParticipation(command, state);
    case 'ResumeParticipation':
      return resumeParticipation(command, state);
    case 'WithdrawOrganisation':
      return withdrawOrganisation(command, state);
    case 'CompleteParticipation':
      return completeParticipation(command, state);
    default:
      throw new DomainError(
        'unknown-command',
        `Unknown command ${(command as { type: string }).type}`,
        'invalid',
      );
  }
}

export const participationDecider: Decider<ParticipationCommand, ParticipationEvent, ParticipationState> = {
  initialState,
  evolve,
  decide,
};

/** `participation-always-events-england.RYX`: one organisation in one programme. */
export const participationStreamId = (programmeSlug: string, odsCode: string): string =>
  `participation-${programmeSlug}.${odsCode}`;
