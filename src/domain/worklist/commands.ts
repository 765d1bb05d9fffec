import type { Command, IsoDate } from '../shared';
import type { WorklistThresholds } from '../programme';
import type { WorklistItemAt } from './worklist-types';

/**
 * Compare the worklist as computed now (from the read models and the date)
 * with the items the log records as open. Not a command anyone sends: the
 * worklist evaluator issues it on a schedule.
 */
export type EvaluateWorklist = Command<
  'EvaluateWorklist',
  {
    programmeSlug: string;
    /** The date the items were computed at. */
    evaluatedOn: IsoDate;
    thresholds: WorklistThresholds;
    items: WorklistItemAt[];
  }
>;
