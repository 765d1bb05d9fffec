import type { Decider } from '../decider';
import type { IsoDate } from '../shared';
import type { EvaluateWorklist } from './commands';
import type { WorklistEvent, WorklistItemClosed, WorklistItemOpened, WorklistItemRevised } from './events';
import {
  sameThreshold,
  thresholdInForce,
  WorklistItemAt,
  WorklistOpenItem,
  WorklistSubject,
} from './worklist-types';

/** The worklist as its stream records it: the open items, and the latest date it was evaluated at. */
export interface WorklistLogState {
  open: Record<string, WorklistOpenItem>;
  lastEvaluatedOn: IsoDate | null;
}

const subjectOf = (item: WorklistSubject): WorklistSubject => ({
  itemId: item.itemId,
  rule: item.rule,
  programmeSlug: item.programmeSlug,
  odsCode: item.odsCode,
  alwaysEventId: item.alwaysEventId,
  period: item.period,
});

const byItemId = (a: WorklistSubject, b: WorklistSubject): number => a.itemId.localeCompare(b.itemId);

/**
 * The transitions that bring the log in line with the worklist as computed:
 * a close for each item open in the log and no longer on the list, a
 * revision for each item open in both whose `since` or threshold moved (a
 * threshold changed), an open for each item on the list the log does not
 * hold open (closes, then revisions, then opens, each group in item order,
 * so the same inputs always give the same events).
 */
export function decideWorklistTransitions(
  command: EvaluateWorklist,
  state: WorklistLogState,
): WorklistEvent[] {
  const { evaluatedOn, thresholds, items } = command.data;
  const current = new Map(items.map((item) => [item.itemId, item]));
  const recorded = (item: WorklistItemAt) => ({
    ...subjectOf(item),
    since: item.since,
    threshold: thresholdInForce(item.rule, thresholds),
  });
  const closed: WorklistItemClosed[] = Object.values(state.open)
    .filter((item) => !current.has(item.itemId))
    .sort(byItemId)
    .map((item) => ({ type: 'WorklistItemClosed', data: { ...recorded(item), closedOn: evaluatedOn } }));
  const revised: WorklistItemRevised[] = [...current.values()]
    .map(recorded)
    .filter((item) => {
      const open = state.open[item.itemId];
      return (
        open !== undefined && (open.since !== item.since || !sameThreshold(open.threshold, item.threshold))
      );
    })
    .sort(byItemId)
    .map((item) => ({ type: 'WorklistItemRevised', data: { ...item, revisedOn: evaluatedOn } }));
  const opened: WorklistItemOpened[] = [...current.values()]
    .filter((item) => state.open[item.itemId] === undefined)
    .sort(byItemId)
    .map((item) => ({ type: 'WorklistItemOpened', data: { ...recorded(item), openedOn: evaluatedOn } }));
  return [...closed, ...revised, ...opened];
}

const later = (a: IsoDate | null, b: IsoDate): IsoDate => (a !== null && a > b ? a : b);

const dateOf = (event: WorklistEvent): IsoDate => {
  switch (event.type) {
    case 'WorklistItemOpened':
      return event.data.openedOn;
    case 'WorklistItemRevised':
      return event.data.revisedOn;
    case 'WorklistItemClosed':
      return event.data.closedOn;
  }
};

export function evolveWorklist(state: WorklistLogState, event: WorklistEvent): WorklistLogState {
  const open = { ...state.open };
  const { itemId, since, threshold } = event.data;
  if (event.type === 'WorklistItemClosed') delete open[itemId];
  else open[itemId] = { ...subjectOf(event.data), since, threshold };
  return { open, lastEvaluatedOn: later(state.lastEvaluatedOn, dateOf(event)) };
}

/**
 * The date to evaluate at: today, or the latest date already recorded if an
 * instance with a clock ahead of this one's got there first, so a slow clock
 * never closes what a later date opened.
 */
export const evaluationDate = (today: IsoDate, state: WorklistLogState): IsoDate =>
  later(state.lastEvaluatedOn, today);

export const worklistDecider: Decider<EvaluateWorklist, WorklistEvent, WorklistLogState> = {
  initialState: () => ({ open: {}, lastEvaluatedOn: null }),
  decide: decideWorklistTransitions,
  evolve: evolveWorklist,
};
