import { compareInstants, ensure } from '../shared';
import { ensureNotBefore } from '../shared/fact-dates';
import { DefinePhase } from './commands';
import { ProgrammePhaseDefined } from './events';
import { ensureProgrammeActive } from './guards';
import { ProgrammePhase, ProgrammeState } from './state';

/**
 * Phases must not overlap. A phase without an end date runs until the next
 * phase starts (there is no command to end a phase), so ordered by start,
 * each phase must start after the previous one started and after it ended,
 * if it has an end. Returns the existing phase the candidate collides with.
 */
export function overlappingPhase(
  phases: ProgrammePhase[],
  candidate: ProgrammePhase,
): ProgrammePhase | undefined {
  const ordered = [...phases, candidate].sort((a, b) => compareInstants(a.startDate, b.startDate));
  for (let i = 1; i < ordered.length; i++) {
    const [previous, next] = [ordered[i - 1], ordered[i]];
    if (previous !== candidate && next !== candidate) continue;
    const sameStart = compareInstants(previous.startDate, next.startDate) === 0;
    const runsInto = previous.endDate !== null && compareInstants(previous.endDate, next.startDate) >= 0;
    if (sameStart || runsInto) return previous === candidate ? next : previous;
  }
  return undefined;
}

export function definePhase(command: DefinePhase, state: ProgrammeState): ProgrammePhaseDefined[] {
  ensureProgrammeActive(state);
  const { programmeSlug, phaseId, name, startDate } = command.data;
  ensure(
    state.phases[phaseId] === undefined,
    'phase-already-defined',
    `Phase ${phaseId} is already defined`,
    'conflict',
    'phaseId',
  );
  const phase: ProgrammePhase = {
    phaseId,
    name,
    description: command.data.description ?? null,
    startDate,
    endDate: command.data.endDate ?? null,
  };
  if (phase.endDate !== null) {
    ensureNotBefore(phase.endDate, startDate, 'phase-ends-before-start', 'endDate', 'the phase start');
  }
  ensureNotBefore(
    startDate,
    state.startDate ?? startDate,
    'phase-starts-before-programme',
    'startDate',
    'the programme start',
  );
  const collision = overlappingPhase(Object.values(state.phases), phase);
  ensure(
    collision === undefined,
    'phases-overlap',
    `Phase ${phaseId} (${startDate} to ${phase.endDate ?? 'the next phase'}) overlaps phase ${collision?.phaseId} (${collision?.startDate} to ${collision?.endDate ?? 'the next phase'})`,
    'conflict',
    'startDate',
  );
  return [{ type: 'ProgrammePhaseDefined', data: { programmeSlug, ...phase } }];
}
