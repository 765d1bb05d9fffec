import { AlwaysEventEvent, AlwaysEventState, evolve } from '../../domain/always-event';

/**
 * The Always Event decider's evolve, with monthly progress scores folded in
 * place. The decider copies the whole state and its scores on every score
 * because its states are shared (the command side caches them); the register
 * owns its states, and scores are the commonest Always Event fact (one a
 * month for every Always Event), so the copies were most of its fold over a
 * million events. The result equals `evolve`'s (tested).
 */
export function evolveAlwaysEventInPlace(state: AlwaysEventState, event: AlwaysEventEvent): AlwaysEventState {
  switch (event.type) {
    case 'ProgressScoreRecorded':
    case 'ProgressScoreAmended':
      state.progressScores[event.data.period] = event.data.score;
      return state;
    default:
      return evolve(state, event);
  }
}
