import type { IsoDate } from '../shared';
import type { WorklistThresholds } from '../programme';

export const WORKLIST_RULES = [
  'return-overdue',
  'sponsor-vacant',
  'pdsa-quiet',
  'statement-awaiting-agreement',
  'no-sustainment-plan',
] as const;
export type WorklistRule = (typeof WORKLIST_RULES)[number];

/** What a worklist item is about: identifiers only, never a name or any personal data. */
export interface WorklistSubject {
  /** Stable for as long as the item is open: the rule and what it is about. */
  itemId: string;
  rule: WorklistRule;
  programmeSlug: string;
  /** The organisation to chase (ODS code). */
  odsCode: string;
  /** The Always Event the item is about, when there is one. */
  alwaysEventId: string | null;
  /** The month (YYYY-MM) the item is about, when there is one: an overdue return's period. */
  period: string | null;
}

/** An item as the worklist raises it on a date: its subject and the day it crossed its threshold. */
export interface WorklistItemAt extends WorklistSubject {
  since: IsoDate;
}

/** The programme setting (SetWorklistThresholds) a rule raised its item by, and its value then. */
export interface WorklistThresholdInForce {
  setting: 'returnOverdueDays' | 'pdsaQuietWeeks' | 'statementAwaitingWeeks' | 'sustainmentPlanWeeks';
  value: number;
}

const SETTING_OF_RULE: Record<WorklistRule, WorklistThresholdInForce['setting'] | null> = {
  'return-overdue': 'returnOverdueDays',
  // A vacancy is an item from its first day: no threshold.
  'sponsor-vacant': null,
  'pdsa-quiet': 'pdsaQuietWeeks',
  'statement-awaiting-agreement': 'statementAwaitingWeeks',
  'no-sustainment-plan': 'sustainmentPlanWeeks',
};

/** An item as the log records it open: the since and threshold of its opening or its latest revision. */
export interface WorklistOpenItem extends WorklistItemAt {
  threshold: WorklistThresholdInForce | null;
}

export const sameThreshold = (
  a: WorklistThresholdInForce | null,
  b: WorklistThresholdInForce | null,
): boolean => (a === null || b === null ? a === b : a.setting === b.setting && a.value === b.value);

export function thresholdInForce(
  rule: WorklistRule,
  thresholds: WorklistThresholds,
): WorklistThresholdInForce | null {
  const setting = SETTING_OF_RULE[rule];
  return setting === null ? null : { setting, value: thresholds[setting] };
}

/** The stream the worklist's transitions of one programme are recorded in. */
export const worklistStream = (programmeSlug: string): string => `worklist-${programmeSlug}`;
