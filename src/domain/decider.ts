/**
 * The shape every aggregate builds on: pure functions, no I/O, no framework.
 * `decide` returns the events a command produces or throws a DomainError;
 * `evolve` folds one event into the state.
 */
export interface Decider<Command, Event, State> {
  initialState: () => State;
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
  /**
   * Optional, for a caller folding many events into a state of its own:
   * `copy` gives a state nothing else refers to, which `evolve` may then
   * change in place, with the pure evolve's results. For a state whose pure
   * evolve copies what grows with the stream (a measure's series).
   */
  owned?: { copy: (state: State) => State; evolve: (state: State, event: Event) => State };
}

/** Folds events into state with a decider's evolve. */
export function fold<Event, State>(
  decider: Pick<Decider<never, Event, State>, 'initialState' | 'evolve'>,
  events: Iterable<Event>,
): State {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
