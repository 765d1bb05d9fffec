import { Decider } from '../../../src/domain/decider';

/** The events a sequence of commands produces: givens built by the decider itself, so they stay consistent. */
export function historyOf<C, E, S>(decider: Decider<C, E, S>, ...commands: C[]): E[] {
  const events: E[] = [];
  let state = decider.initialState();
  for (const command of commands) {
    for (const event of decider.decide(command, state)) {
      state = decider.evolve(state, event);
      events.push(event);
    }
  }
  return events;
}

export const stateOf = <C, E, S>(decider: Decider<C, E, S>, events: E[]): S =>
  events.reduce(decider.evolve, decider.initialState());

/** The events one command produces on a history, to look at one field of them. */
export const decided = <C, E, S>(decider: Decider<C, E, S>, given: E[], command: C): E[] =>
  decider.decide(command, stateOf(decider, given));
