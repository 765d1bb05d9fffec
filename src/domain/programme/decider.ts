import { Decider } from '../decider';
import { compareInstants, DomainError, ensure } from '../shared';
import { ensureNotBefore, ensureNotInFuture } from '../shared/fact-dates';
import { CloseProgramme, LaunchProgramme, ProgrammeCommand, SetEnrolmentTarget } from './commands';
import { closeCohort, launchCohort, scheduleCohort } from './cohorts';
import { EnrolmentTargetSet, ProgrammeClosed, ProgrammeEvent, ProgrammeLaunched } from './events';
import { ensureProgrammeActive } from './guards';
import { definePhase } from './phases';
import { closePhase, setReportingWindow, setWorklistThresholds } from './reporting';
import { evolve, initialState, ProgrammeState } from './state';

function launchProgramme(command: LaunchProgramme, state: ProgrammeState): ProgrammeLaunched[] {
  ensure(
    state.status === 'draft',
    'programme-already-launched',
    `Programme ${command.data.programmeSlug} is already launched`,
  );
  return [{ type: 'ProgrammeLaunched', data: command.data }];
}

function setEnrolmentTarget(command: SetEnrolmentTarget, state: ProgrammeState): EnrolmentTargetSet[] {
  ensureProgrammeActive(state);
  const { targetId, deadline, setDate, denominatorDefinition } = command.data;
  ensure(
    state.targets[targetId] === undefined,
    'target-already-set',
    `Target ${targetId} is already set`,
    'conflict',
    'targetId',
  );
  ensureNotInFuture(setDate, command.context, 'setDate');
  ensure(
    compareInstants(deadline, setDate) > 0,
    'target-deadline-not-after-set-date',
    `The deadline ${deadline} must be after the date the target was set (${setDate})`,
    'invalid',
    'deadline',
  );
  // Sources count "organisations", "providers" and "trusts" interchangeably: a
  // target is only reproducible if it says which population it counts.
  ensure(
    denominatorDefinition.trim().length > 0,
    'target-denominator-required',
    'A target must define its denominator (e.g. "NHS trusts open on the deadline")',
    'invalid',
    'denominatorDefinition',
  );
  return [{ type: 'EnrolmentTargetSet', data: command.data }];
}

function closeProgramme(command: CloseProgramme, state: ProgrammeState): ProgrammeClosed[] {
  ensureProgrammeActive(state);
  ensureNotInFuture(command.data.closedOn, command.context, 'closedOn');
  ensureNotBefore(
    command.data.closedOn,
    state.startDate ?? command.data.closedOn,
    'programme-closes-before-start',
    'closedOn',
    'the programme start',
  );
  return [{ type: 'ProgrammeClosed', data: command.data }];
}

export function decide(command: ProgrammeCommand, state: ProgrammeState): ProgrammeEvent[] {
  switch (command.type) {
    case 'LaunchProgramme':
      return launchProgramme(command, state);
    case 'DefinePhase':
      return definePhase(command, state);
    case 'SetEnrolmentTarget':
      return setEnrolmentTarget(command, state);
    case 'ScheduleCohort':
      return scheduleCohort(command, state);
    case 'LaunchCohort':
      return launchCohort(command, state);
    case 'CloseCohort':
      return closeCohort(command, state);
    case 'CloseProgramme':
      return closeProgramme(command, state);
    case 'SetReportingWindow':
      return setReportingWindow(command, state);
    case 'ClosePhase':
      return closePhase(command, state);
    case 'SetWorklistThresholds':
      return setWorklistThresholds(command, state);
    default:
      throw new DomainError(
        'unknown-command',
        `Unknown command ${(command as { type: string }).type}`,
        'invalid',
      );
  }
}

export const programmeDecider: Decider<ProgrammeCommand, ProgrammeEvent, ProgrammeState> = {
  initialState,
  evolve,
  decide,
};

export const programmeStreamId = (programmeSlug: string): string => `programme-${programmeSlug}`;
