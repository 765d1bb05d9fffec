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
    /** The day the item had been open since, as last recorded (opened or revised). */
    since: IsoDate;
    /** The threshold in force when it closed; null for a rule without one. */
    threshold: WorklistThresholdInForce | null;
    /** The date the worklist was evaluated at when the item was found closed. */
    closedOn: IsoDate;
  }
>;

/**
 * An item still on the worklist whose `since` or threshold moved (a
 * programme-admin changed a threshold): what it is open since from now on.
 */
export type WorklistItemRevised = DomainEvent<
  'WorklistItemRevised',
  WorklistSubject & {
    /** The day the item crossed its threshold, as the worklist now computes it. */
    since: IsoDate;
    /** The threshold in force now; null for a rule without one. */
    threshold: WorklistThresholdInForce | null;
    /** The date the worklist was evaluated at when the change was found. */
    revisedOn: IsoDate;
  }
>;

export type WorklistEvent = WorklistItemOpened | WorklistItemClosed | WorklistItemRevised;
