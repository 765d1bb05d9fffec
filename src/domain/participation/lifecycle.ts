import { CommandContext, compareInstants, ensure, IsoDate } from '../shared';
import { ensureNotBefore, ensureNotInFuture } from '../shared/fact-dates';
import {
  CompleteParticipation,
  PauseParticipation,
  ResumeParticipation,
  WithdrawOrganisation,
} from './commands';
import {
  OrganisationWithdrew,
  ParticipationCompleted,
  ParticipationPaused,
  ParticipationResumed,
} from './events';
import { ensureStatus } from './guards';
import { ParticipationState } from './state';

/** Dated on or after the enrolment, and not in the future. */
function ensureAfterEnrolment(
  state: ParticipationState,
  date: IsoDate,
  field: string,
  context: CommandContext,
) {
  ensureNotInFuture(date, context, field);
  ensureNotBefore(date, state.enrolledOn ?? date, 'date-before-enrolment', field, 'the enrolment');
}

export function pauseParticipation(
  command: PauseParticipation,
  state: ParticipationState,
): ParticipationPaused[] {
  const { pausedOn, expectedResumeOn } = command.data;
  ensureStatus(state, ['enrolled'], 'pause-requires-enrolled', 'Pausing');
  ensureAfterEnrolment(state, pausedOn, 'pausedOn', command.context);
  ensure(
    expectedResumeOn === undefined || compareInstants(expectedResumeOn, pausedOn) > 0,
    'expected-resume-not-after-pause',
    `The expected resumption ${expectedResumeOn} must be after the pause (${pausedOn})`,
    'invalid',
    'expectedResumeOn',
  );
  return [
    { type: 'ParticipationPaused', data: { ...command.data, expectedResumeOn: expectedResumeOn ?? null } },
  ];
}

export function resumeParticipation(
  command: ResumeParticipation,
  state: ParticipationState,
): ParticipationResumed[] {
  ensureStatus(state, ['paused'], 'resume-requires-paused', 'Resuming');
  const pausedOn = state.pausedOn ?? command.data.resumedOn;
  ensureNotInFuture(command.data.resumedOn, command.context, 'resumedOn');
  ensureNotBefore(command.data.resumedOn, pausedOn, 'resumed-before-paused', 'resumedOn', 'the pause');
  return [{ type: 'ParticipationResumed', data: { ...command.data, pausedOn } }];
}

export function withdrawOrganisation(
  command: WithdrawOrganisation,
  state: ParticipationState,
): OrganisationWithdrew[] {
  ensureStatus(state, ['enrolled', 'paused'], 'withdraw-requires-enrolled-or-paused', 'Withdrawing');
  ensureAfterEnrolment(state, command.data.withdrawnOn, 'withdrawnOn', command.context);
  return [{ type: 'OrganisationWithdrew', data: command.data }];
}

export function completeParticipation(
  command: CompleteParticipation,
  state: ParticipationState,
): ParticipationCompleted[] {
  ensureStatus(state, ['enrolled', 'paused'], 'complete-requires-enrolled-or-paused', 'Completing');
  ensureAfterEnrolment(state, command.data.completedOn, 'completedOn', command.context);
  return [{ type: 'ParticipationCompleted', data: command.data }];
}
