/**
 * The shape every aggregate builds on: pure functions, no I/O, no framework.
 * `decide` returns the events a command produces or throws a DomainError;
 * `evolve` folds one event into the state.
 */
export interface Decider<Command, Event, State> {
  initialState: () => State;
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
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
