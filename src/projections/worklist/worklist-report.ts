import { createHash } from 'node:crypto';
import type { WorklistThresholds } from '../../domain/programme';
import { WORKLIST_RULES, WorklistRule } from '../../domain/worklist';
import { isEnrolledOn, participationsOf, valueOn } from '../spread/spread-figures';
import { monthEnd, nextMonth } from '../report-arithmetic';
import type { SpreadState } from '../spread/spread-state';
import { periodOf, ReportingWindow, ReportWindows, reportWindowsOf } from '../spread/reporting-windows';
import type { WorklistState } from './worklist.projection';

export const DEFAULT_THRESHOLDS: WorklistThresholds = {
  returnOverdueDays: 30,
  pdsaQuietWeeks: 8,
  statementAwaitingWeeks: 6,
  sustainmentPlanWeeks: 12,
};

export { WORKLIST_RULES };
export type { WorklistRule };

export interface WorklistItem {
  /** Stable for as long as the item is open: the rule and what it is about. */
  itemId: string;
  rule: WorklistRule;
  programmeSlug: string;
  odsCode: string;
  organisation: string;
  /** The Always Event or the month the item is about, when there is one. */
  alwaysEventId: string | null;
  period: string | null;
  /** The day the threshold was crossed: the item has been open since. */
  since: string;
  detail: string;
}

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const itemIdOf = (rule: string, ...subject: string[]): string =>
  `${rule}:${createHash('sha256').update(subject.join('\n')).digest('hex').slice(0, 16)}`;

/**
 * What needs chasing on `date`, each item with the rule that raised it and
 * the day it crossed its threshold. Nothing is raised past the programme's
 * reporting window, nor for an organisation past its phase's (`windows`,
 * with `applied` false for `window=none`): what has ended has nothing to chase.
 */
export function worklistItems(
  worklist: WorklistState,
  spread: SpreadState,
  programmeSlug: string,
  date: string,
  windows: ReportWindows,
): { thresholds: WorklistThresholds; items: WorklistItem[] } {
  const thresholds = worklist.thresholds[programmeSlug] ?? DEFAULT_THRESHOLDS;
  const { window } = windows;
  if (window.applied && window.endsOn !== null && window.endsOn < date) return { thresholds, items: [] };
  const participations = participationsOf(spread, programmeSlug);
  const phaseOf = new Map(participations.map((p) => [p.odsCode, p.phaseId]));
  const periodOfOrganisation = (ods: string) => periodOf(windows, phaseOf.get(ods) ?? null, date);
  const items: WorklistItem[] = [];
  const name = (ods: string) => spread.organisations[ods]?.name ?? ods;
  const item = (
    rule: WorklistRule,
    ods: string,
    since: string,
    detail: string,
    alwaysEventId: string | null = null,
    period: string | null = null,
  ) => {
    // An organisation whose phase's window has ended has nothing to chase.
    if (periodOfOrganisation(ods).to < date) return;
    items.push({
      itemId: itemIdOf(rule, programmeSlug, ods, alwaysEventId ?? '', period ?? ''),
      rule,
      programmeSlug,
      odsCode: ods,
      organisation: name(ods),
      alwaysEventId,
      period,
      since,
      detail,
    });
  };

  for (const p of participations) {
    if (p.enrolledOn === null || !isEnrolledOn(p, date)) continue;
    const from = periodOfOrganisation(p.odsCode).from;
    for (let month = p.enrolledOn.slice(0, 7); monthEnd(nextMonth(month)) < date; month = nextMonth(month)) {
      if (valueOn(p.statusHistory, monthEnd(month)) !== 'enrolled') continue;
      // A phase window that starts later expects no return for the months before it.
      if (from !== null && monthEnd(month) < from) continue;
      const submitted = p.returns[month];
      if (submitted !== undefined && submitted <= date) continue;
      const since = addDays(monthEnd(nextMonth(month)), thresholds.returnOverdueDays);
      if (since < date)
        item(
          'return-overdue',
          p.odsCode,
          since,
          `The return for ${month} was due on ${monthEnd(nextMonth(month))}`,
          null,
          month,
        );
    }
  }
  for (const vacancy of Object.values(worklist.vacancies)) {
    if (vacancy.programmeSlug !== programmeSlug || vacancy.since > date) continue;
    item('sponsor-vacant', vacancy.odsCode, vacancy.since, 'The executive sponsor post is vacant');
  }
  const weeks = (n: number) => n * 7;
  for (const ae of Object.values(worklist.alwaysEvents)) {
    if (ae.programmeSlug !== programmeSlug) continue;
    if ((ae.stage === 'testing' || ae.stage === 'implementing') && ae.testingSince) {
      const last =
        ae.lastPdsaPlannedOn && ae.lastPdsaPlannedOn > ae.testingSince
          ? ae.lastPdsaPlannedOn
          : ae.testingSince;
      const since = addDays(last, weeks(thresholds.pdsaQuietWeeks));
      if (since < date)
        item('pdsa-quiet', ae.odsCode, since, `No PDSA cycle planned since ${last}`, ae.alwaysEventId);
    }
    if (ae.statementDraftedOn && !ae.statementAgreedOn && ae.stage !== 'closed' && ae.stage !== 'paused') {
      const since = addDays(ae.statementDraftedOn, weeks(thresholds.statementAwaitingWeeks));
      if (since < date)
        item(
          'statement-awaiting-agreement',
          ae.odsCode,
          since,
          `Statement drafted on ${ae.statementDraftedOn}, not agreed`,
          ae.alwaysEventId,
        );
    }
    if (ae.stage === 'aim-achieved' && ae.aimAchievedOn && !ae.sustainmentConfirmedOn) {
      const since = addDays(ae.aimAchievedOn, weeks(thresholds.sustainmentPlanWeeks));
      if (since < date)
        item(
          'no-sustainment-plan',
          ae.odsCode,
          since,
          `Aim achieved on ${ae.aimAchievedOn}; no sustainment confirmed`,
          ae.alwaysEventId,
        );
    }
  }
  return {
    thresholds,
    items: items.sort((a, b) => a.since.localeCompare(b.since) || a.itemId.localeCompare(b.itemId)),
  };
}

/**
 * The worklist of a programme on `date` as GET /v1/worklist reports it, with
 * the reporting window it was cut at (`applyWindow` false: `window=none`).
 */
export function programmeWorklist(
  models: { worklist: WorklistState; spread: SpreadState },
  programmeSlug: string,
  date: string,
  applyWindow: boolean,
): { window: ReportingWindow; thresholds: WorklistThresholds; items: WorklistItem[] } {
  const windows = reportWindowsOf(models.spread, programmeSlug, applyWindow);
  return {
    window: windows.window,
    ...worklistItems(models.worklist, models.spread, programmeSlug, date, windows),
  };
}
