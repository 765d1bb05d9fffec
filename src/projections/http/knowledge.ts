import type { ReadModelView } from '../../history/read-model-reader';

/** Where a figure comes from: the bounds asked for, the log position the state reflects, and the model's status. */
export function knowledge(view: ReadModelView<unknown>) {
  return {
    asOf: view.bounds.asOf ?? null,
    asKnownAt: view.bounds.asKnownAt ?? null,
    atPosition: view.bounds.atPosition ?? null,
    position: view.position,
    source: view.source,
    status: view.status,
  };
}
