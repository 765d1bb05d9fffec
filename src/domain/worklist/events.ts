import { DomainEvent, IsoDate } from '../shared';
import type { WorklistSubject, WorklistThresholdInForce } from './worklist-types';

/** An item appeared on the programme team's worklist: something to chase. */
export type WorklistItemOpened = DomainEvent<
  'WorklistItemOpened',
  WorklistSubject & {
    /** The day the item crossed its threshold. */
    since: IsoDate;
    /** The threshold in force when it opened; null for a rule without one (a sponsor vacancy). */
    threshold: WorklistThresholdInForce | null;
    /** The date the worklist was evaluated at when the item was found open. */
    openedOn: IsoDate;
  }
>;

/** An item left the worklist: chased (the return came, the post was filled…), paused, closed, or a threshold was raised. */
export type WorklistItemClosed = DomainEvent<
  'WorklistItemClosed',
  WorklistSubject & {
    /** The day the item had been open since, as recorded when it opened. */
    since: IsoDate;
    /** The threshold in force when it closed; null for a rule without one. */
    threshold: WorklistThresholdInForce | null;
    /** The date the worklist was evaluated at when the item was found closed. */
    closedOn: IsoDate;
  }
>;

export type WorklistEvent = WorklistItemOpened | WorklistItemClosed;
