import { PROGRESS_SCORES } from '../../domain/always-event';
import { nextMonth, percent } from '../report-arithmetic';
import { median } from './time-to';
import { participationKey } from '../spread/spread-state';
import { cohortName, groupByCohort, RegisterState } from './register-state';

/**
 * Monthly distribution of IHI progress scores (0.5–5.0) across Always Events.
 * - A month's score is the one the Always Event holds for that period: an
 *   amendment replaces it (the aggregate keeps one score per period).
 * - An Always Event counts in a month only if it was scored for that month;
 *   a missing month is not carried forward (the score is a monthly assessment).
 * - 3.0 and above is IHI's "modest improvement", 4.0 and above "significant
 *   improvement".
 * - Months run from the first to the last scored month up to the reporting
 *   month, gaps included (as zero rows), the same months in every cohort.
 */
export const MODEST_IMPROVEMENT = 3;
export const SIGNIFICANT_IMPROVEMENT = 4;

export interface MonthScores {
  month: string;
  scored: number;
  /** Always Events per score, keyed "0.5" … "5.0". */
  distribution: Record<string, number>;
  median: number | null;
  modestImprovement: { count: number; percent: number | null };
  significantImprovement: { count: number; percent: number | null };
}

export interface CohortScores {
  cohortId: string | null;
  cohortName: string;
  months: MonthScores[];
}

/** One Always Event's scores month by month (only months it was scored), for its own line. */
export interface AlwaysEventScores {
  alwaysEventId: string;
  odsCode: string;
  organisationName: string | null;
  homeUnitName: string | null;
  scores: Array<{ month: string; score: number }>;
}

export interface ProgressScoresReport {
  date: string;
  programme: string | null;
  organisation: string | null;
  alwaysEvent: string | null;
  overall: MonthScores[];
  byCohort: CohortScores[];
  alwaysEvents: AlwaysEventScores[];
}

export interface ProgressScoreFilters {
  programme?: string;
  organisation?: string;
  alwaysEvent?: string;
}

interface Scored {
  alwaysEventId: string;
  programmeSlug: string;
  odsCode: string;
  homeUnitName: string | null;
  cohortId: string | null;
  scores: Record<string, number>;
}

function monthScores(month: string, scored: readonly Scored[]): MonthScores {
  const scores = scored.flatMap((s) => (s.scores[month] === undefined ? [] : [s.scores[month]]));
  const atLeast = (threshold: number) => {
    const count = scores.filter((s) => s >= threshold).length;
    return { count, percent: percent(count, scores.length) };
  };
  return {
    month,
    scored: scores.length,
    distribution: Object.fromEntries(
      PROGRESS_SCORES.map((value) => [value.toFixed(1), scores.filter((s) => s === value).length]),
    ),
    median: median(scores),
    modestImprovement: atLeast(MODEST_IMPROVEMENT),
    significantImprovement: atLeast(SIGNIFICANT_IMPROVEMENT),
  };
}

export function progressScoresReport(
  state: RegisterState,
  date: string,
  filters: ProgressScoreFilters = {},
): ProgressScoresReport {
  const lastMonth = date.slice(0, 7);
  const { programme, organisation, alwaysEvent } = filters;
  const scored: Scored[] = Object.values(state.alwaysEvents).flatMap(({ aggregate }) => {
    const subject = aggregate.subject;
    if (
      subject === null ||
      (programme !== undefined && subject.programmeSlug !== programme) ||
      (organisation !== undefined && subject.odsCode !== organisation) ||
      (alwaysEvent !== undefined && subject.alwaysEventId !== alwaysEvent)
    )
      return [];
    const participation = state.participations[participationKey(subject.programmeSlug, subject.odsCode)];
    return [
      {
        alwaysEventId: subject.alwaysEventId,
        programmeSlug: subject.programmeSlug,
        odsCode: subject.odsCode,
        homeUnitName: aggregate.homeUnit?.name ?? null,
        cohortId: participation?.cohortId ?? null,
        scores: Object.fromEntries(Object.entries(aggregate.progressScores).filter(([m]) => m <= lastMonth)),
      },
    ];
  });
  const scoredMonths = scored.flatMap((s) => Object.keys(s.scores)).sort();
  const months: string[] = [];
  for (let m = scoredMonths[0]; m !== undefined && m <= (scoredMonths.at(-1) as string); m = nextMonth(m))
    months.push(m);
  return {
    date,
    programme: programme ?? null,
    organisation: organisation ?? null,
    alwaysEvent: alwaysEvent ?? null,
    overall: months.map((m) => monthScores(m, scored)),
    byCohort: groupByCohort(scored, (s) => s).map(({ key, cohortId, members }) => ({
      cohortId,
      cohortName: cohortName(state, key, cohortId),
      months: months.map((m) => monthScores(m, members)),
    })),
    alwaysEvents: scored.map((s) => ({
      alwaysEventId: s.alwaysEventId,
      odsCode: s.odsCode,
      organisationName: state.organisations[s.odsCode]?.name ?? null,
      homeUnitName: s.homeUnitName,
      scores: Object.entries(s.scores)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([month, score]) => ({ month, score })),
    })),
  };
}

/** One CSV row per group and month. */
export function progressScoreRows(report: ProgressScoresReport): Array<Record<string, unknown>> {
  return [
    ...report.overall.map((m) => ({ group: 'overall', cohortId: null, cohortName: null, ...m })),
    ...report.byCohort.flatMap((c) =>
      c.months.map((m) => ({ group: 'cohort', cohortId: c.cohortId, cohortName: c.cohortName, ...m })),
    ),
  ];
}
