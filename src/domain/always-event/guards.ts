import { ensure } from '../shared';
import { AlwaysEventSubject } from './events';
import { AlwaysEventState } from './state';
import { ALWAYS_EVENT_PHASES, AlwaysEventPhase } from './values';

/** The Always Event exists and takes work: not closed (terminal) and not paused. Returns its subject. */
export function ensureOpen(state: AlwaysEventState): AlwaysEventSubject {
  ensure(
    state.phase !== 'NotInitiated',
    'always-event-not-initiated',
    'The Always Event has not been initiated',
  );
  ensure(
    state.phase !== 'Closed',
    'always-event-closed',
    `The Always Event was closed (${state.closure?.reason}); initiate a new one derived from it to continue`,
  );
  ensure(state.phase !== 'Paused', 'always-event-paused', 'The Always Event is paused; resume it first');
  return state.subject as AlwaysEventSubject;
}

/** The command fits the lifecycle: `rule` says what is missing, e.g. `statement-not-agreed`. */
export function ensurePhase(
  state: AlwaysEventState,
  allowed: readonly AlwaysEventPhase[],
  rule: string,
  action: string,
): void {
  ensure(
    (allowed as readonly string[]).includes(state.phase),
    rule,
    `${action} is possible in ${allowed.join(', ')}; the Always Event is in ${state.phase}`,
  );
}

/** From co-design on: once the team works on a selected theme, whatever follows. */
export const FROM_CO_DESIGN: readonly AlwaysEventPhase[] = ALWAYS_EVENT_PHASES.slice(
  ALWAYS_EVENT_PHASES.indexOf('CoDesign'),
);
export const FROM_STATEMENT: readonly AlwaysEventPhase[] = FROM_CO_DESIGN.slice(1);
export const FROM_IMPLEMENTATION: readonly AlwaysEventPhase[] = FROM_CO_DESIGN.slice(3);
