import type { ReadModelView } from './read-model-reader';

/** Where a figure comes from: the bounds asked for, the log position the state reflects, and the model's status. */
export interface Knowledge {
  asOf: string | null;
  asKnownAt: string | null;
  atPosition: number | null;
  /** The global position the figures reflect. */
  position: number;
  /** `live`: the running read model; `replay`: folded over the bounded log for this query. */
  source: 'live' | 'replay';
  /** `live`, `catching-up` (only with a reached minPosition) or `complete` (a replay). */
  status: 'live' | 'catching-up' | 'complete';
}

export function knowledge(view: ReadModelView<unknown>): Knowledge {
  return {
    asOf: view.bounds.asOf ?? null,
    asKnownAt: view.bounds.asKnownAt ?? null,
    atPosition: view.bounds.atPosition ?? null,
    position: view.position,
    source: view.source,
    status: view.status,
  };
}
