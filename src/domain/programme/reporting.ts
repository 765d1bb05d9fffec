import { ensure } from '../shared';
import { ensureNotBefore, ensureNotInFuture } from '../shared/fact-dates';
import { ClosePhase, SetReportingWindow, SetWorklistThresholds } from './commands';
import { ProgrammePhaseClosed, ReportingWindowSet, WorklistThresholdsSet } from './events';
import { ensurePhaseDefined, ensureProgrammeActive } from './guards';
import { ProgrammeState } from './state';

/**
 * Where the programme's or a phase's reports end (return compliance,
 * enrolment curves, funnels), unless a reader asks otherwise. A window is a
 * reporting setting, not a change of the programme: it may be set or moved
 * after the programme closed.
 */
export function setReportingWindow(command: SetReportingWindow, state: ProgrammeState): ReportingWindowSet[] {
  ensure(state.status !== 'draft', 'programme-not-launched', 'The programme has not been launched');
  const { programmeSlug, endsOn } = command.data;
  const phaseId = command.data.phaseId ?? null;
  const startsOn = command.data.startsOn ?? null;
  if (phaseId !== null) ensurePhaseDefined(state, phaseId);
  const start = phaseId !== null ? state.phases[phaseId].startDate : state.startDate;
  if (startsOn !== null) {
    ensureNotBefore(
      startsOn,
      start ?? startsOn,
      'window-starts-before-start',
      'startsOn',
      phaseId ? 'the phase start' : 'the programme start',
    );
  }
  ensureNotBefore(endsOn, startsOn ?? start ?? endsOn, 'window-ends-before-start', 'endsOn', 'its start');
  return [{ type: 'ReportingWindowSet', data: { programmeSlug, phaseId, startsOn, endsOn } }];
}

export function closePhase(command: ClosePhase, state: ProgrammeState): ProgrammePhaseClosed[] {
  ensureProgrammeActive(state);
  const { phaseId, closedOn } = command.data;
  ensurePhaseDefined(state, phaseId);
  const phase = state.phases[phaseId];
  ensure(
    state.closedPhases[phaseId] === undefined,
    'phase-already-closed',
    `Phase ${phaseId} closed on ${state.closedPhases[phaseId]}`,
    'conflict',
    'phaseId',
  );
  ensureNotInFuture(closedOn, command.context, 'closedOn');
  ensureNotBefore(closedOn, phase.startDate, 'phase-closes-before-start', 'closedOn', 'the phase start');
  return [{ type: 'ProgrammePhaseClosed', data: command.data }];
}

/** The worklist's thresholds (src/projections/worklist): programme settings, dated by the log. */
export function setWorklistThresholds(
  command: SetWorklistThresholds,
  state: ProgrammeState,
): WorklistThresholdsSet[] {
  ensure(state.status !== 'draft', 'programme-not-launched', 'The programme has not been launched');
  return [{ type: 'WorklistThresholdsSet', data: command.data }];
}
