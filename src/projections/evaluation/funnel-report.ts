import { daysBetween, percent } from '../report-arithmetic';
import { periodOf, reportEnd, ReportingWindow, ReportWindows } from '../spread/reporting-windows';
import { participationKey } from '../spread/spread-state';
import {
  AlwaysEventRecord,
  cohortName,
  groupByCohort,
  KeyDates,
  ParticipationFacts,
  RegisterState,
} from './register-state';
import { cumulativePercentAt, CurvePoint, HORIZONS, kaplanMeier, median, Observation } from './time-to';

/**
 * The evaluation funnel (docs/analysts/read-models.md), one unit per organisation's
 * enrolment in a programme:
 *   enrolled → first statement agreed → first PDSA cycle started →
 *   implementing → aim achieved → sustained.
 * - A PDSA stage is a cycle *started* (its Do began), not merely planned: a
 *   plan is an intention, a started cycle is a test.
 * - Each later stage is reached on the earliest date any of the organisation's
 *   Always Events in that programme reached it, on or before the reporting date.
 * - The funnel is nested: a stage counts only once every earlier stage has been
 *   reached, and it is dated by the latest of those dates (a cycle tested during
 *   co-design, before the statement, is counted from the statement's date).
 * - Withdrawn organisations stay in: they entered the funnel, and leaving is an
 *   outcome, not an exclusion.
 * - Days are from the enrolment date; a stage backfilled with a date before
 *   enrolment counts as day 0.
 * - An organisation is followed to the reporting date, or to its programme's
 *   reporting window (or close) when that came first: enrolments and stages
 *   after it are not counted, and those still on their way are censored there.
 */
export const FUNNEL_STAGES = [
  'enrolled',
  'statementAgreed',
  'firstPdsaStarted',
  'implementing',
  'aimAchieved',
  'sustained',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

const STAGE_DATE: Record<Exclude<FunnelStage, 'enrolled'>, keyof KeyDates> = {
  statementAgreed: 'statementAgreed',
  firstPdsaStarted: 'firstPdsaStarted',
  implementing: 'implementationStarted',
  aimAchieved: 'aimAchieved',
  sustained: 'sustained',
};

export interface StageFigures {
  stage: FunnelStage;
  reached: number;
  /** Reached ÷ reached the stage before, %; null for enrolment or an empty previous stage. */
  percentOfPrevious: number | null;
  percentOfEnrolled: number | null;
  /** Median days from enrolment among those that reached the stage; null for enrolment itself. */
  medianDays: number | null;
  /** Kaplan–Meier cumulative % reached within 90, 180, 365 and 730 days of enrolment. */
  reachedWithinDays: Record<string, number | null> | null;
  curve: CurvePoint[] | null;
}

export interface FunnelGroup {
  cohortId: string | null;
  cohortName: string | null;
  stages: StageFigures[];
}

/** The organisations that enrolled in one phase, followed to that phase's reporting window. */
export interface FunnelPhaseGroup {
  programme: string;
  phaseId: string;
  phaseName: string;
  /** The day they are followed to: the phase's window end (else the programme's), or the date if earlier. */
  until: string;
  stages: StageFigures[];
}

/** What the funnel by phase needs from the spread model, where phases and each enrolment's phase live. */
export interface FunnelPhases {
  phaseOf(programmeSlug: string, odsCode: string): string | null;
  /** Each programme's windows (reportWindowsOf), phases in start order. */
  windows: Record<string, ReportWindows>;
}

export interface FunnelReport {
  /** The date organisations are followed to: the reporting date, or the programme's window end if earlier. */
  date: string;
  programme: string | null;
  /** The named programme's window (null when every programme is asked for: see `windows`). */
  window: ReportingWindow | null;
  /** Each programme in the answer: where its organisations are followed to. */
  windows: Record<string, ReportingWindow>;
  stages: readonly FunnelStage[];
  overall: FunnelGroup;
  byCohort: FunnelGroup[];
  /** Each phase of the programme (of every programme when none is named), in start order. */
  byPhase: FunnelPhaseGroup[];
}

interface Path {
  participation: ParticipationFacts;
  /** The day it is followed to (censored there when a stage is not reached by then). */
  until: string;
  /** Nested stage dates, index-aligned with FUNNEL_STAGES. */
  reachedOn: Array<string | null>;
}

/**
 * Each participation's Always Event records, by its key (programme and ODS code): found
 * once per report. A scan of every record per participation (and again per
 * phase) took about 2 s at a million events (bench:scale's store).
 */
type RecordsByParticipation = ReadonlyMap<string, readonly AlwaysEventRecord[]>;

function recordsByParticipation(state: RegisterState): RecordsByParticipation {
  const byKey = new Map<string, AlwaysEventRecord[]>();
  for (const record of Object.values(state.alwaysEvents)) {
    const subject = record.aggregate.subject;
    if (!subject) continue;
    const key = participationKey(subject.programmeSlug, subject.odsCode);
    const own = byKey.get(key);
    if (own) own.push(record);
    else byKey.set(key, [record]);
  }
  return byKey;
}

function pathOf(byParticipation: RecordsByParticipation, p: ParticipationFacts, date: string): Path {
  const enrolledOn = p.enrolledOn as string;
  const records = byParticipation.get(participationKey(p.programmeSlug, p.odsCode)) ?? [];
  const reachedOn: Array<string | null> = [enrolledOn];
  for (const stage of FUNNEL_STAGES.slice(1) as Array<keyof typeof STAGE_DATE>) {
    const own = records
      .map((r) => r.dates[STAGE_DATE[stage]])
      .filter((d): d is string => d !== null && d <= date)
      .sort()[0];
    const previous = reachedOn[reachedOn.length - 1];
    reachedOn.push(previous === null || own === undefined ? null : own > previous ? own : previous);
  }
  return { participation: p, until: date, reachedOn };
}

function stageFigures(paths: Path[], index: number): StageFigures {
  const stage = FUNNEL_STAGES[index];
  const reached = paths.filter((p) => p.reachedOn[index] !== null).length;
  const previous = index === 0 ? null : paths.filter((p) => p.reachedOn[index - 1] !== null).length;
  if (index === 0) {
    return {
      stage,
      reached,
      percentOfPrevious: null,
      percentOfEnrolled: percent(reached, paths.length),
      medianDays: null,
      reachedWithinDays: null,
      curve: null,
    };
  }
  const observations: Observation[] = paths.map((p) => {
    const enrolledOn = p.participation.enrolledOn as string;
    const on = p.reachedOn[index];
    return { days: Math.max(0, daysBetween(enrolledOn, on ?? p.until)), reached: on !== null };
  });
  const curve = kaplanMeier(observations);
  return {
    stage,
    reached,
    percentOfPrevious: percent(reached, previous ?? 0),
    percentOfEnrolled: percent(reached, paths.length),
    medianDays: median(observations.filter((o) => o.reached).map((o) => o.days)),
    reachedWithinDays: Object.fromEntries(
      HORIZONS.map((h) => [String(h), cumulativePercentAt(observations, curve, h)]),
    ),
    curve,
  };
}

const stagesOf = (paths: Path[]): StageFigures[] => FUNNEL_STAGES.map((_, i) => stageFigures(paths, i));

function group(paths: Path[], cohortId: string | null, cohortName: string | null): FunnelGroup {
  return { cohortId, cohortName, stages: stagesOf(paths) };
}

const NO_WINDOW: ReportingWindow = { startsOn: null, endsOn: null, source: null, applied: false };

export function funnelReport(
  state: RegisterState,
  date: string,
  programme?: string,
  /** Programme windows by slug (reporting-windows.ts); a programme without one is followed to the date. */
  windows: Record<string, ReportingWindow> = {},
  /** For the funnel by phase; without it `byPhase` is empty. */
  phases?: FunnelPhases,
): FunnelReport {
  const untilOf = (slug: string): string => reportEnd(date, windows[slug] ?? NO_WINDOW);
  const byParticipation = recordsByParticipation(state);
  const paths = Object.values(state.participations)
    .filter((p) => programme === undefined || p.programmeSlug === programme)
    .filter((p) => p.enrolledOn !== null && p.enrolledOn <= untilOf(p.programmeSlug))
    .map((p) => pathOf(byParticipation, p, untilOf(p.programmeSlug)));
  const byCohort = groupByCohort(paths, (p) => p.participation).map(({ key, cohortId, members }) =>
    group(members, cohortId, cohortName(state, key, cohortId)),
  );
  const slugs =
    programme !== undefined ? [programme] : [...new Set(paths.map((p) => p.participation.programmeSlug))];
  return {
    date: programme !== undefined ? untilOf(programme) : date,
    programme: programme ?? null,
    window: programme !== undefined ? (windows[programme] ?? NO_WINDOW) : null,
    windows: Object.fromEntries(slugs.sort().map((slug) => [slug, windows[slug] ?? NO_WINDOW])),
    stages: FUNNEL_STAGES,
    overall: group(paths, null, null),
    byCohort,
    byPhase: phases ? phaseGroups(state, byParticipation, date, programme, phases) : [],
  };
}

/**
 * Each phase's organisations, each followed to the end of its phase's window
 * (the programme's when that ends first, the date when no window applies):
 * the same nesting and censoring as the funnel, within the phase.
 */
function phaseGroups(
  state: RegisterState,
  byParticipation: RecordsByParticipation,
  date: string,
  programme: string | undefined,
  phases: FunnelPhases,
): FunnelPhaseGroup[] {
  const slugs = programme !== undefined ? [programme] : Object.keys(phases.windows).sort();
  const participations = Object.values(state.participations);
  return slugs.flatMap((slug) => {
    const windows = phases.windows[slug];
    if (!windows) return [];
    return windows.phases.map((phase): FunnelPhaseGroup => {
      const until = periodOf(windows, phase.phaseId, date).to;
      const members = participations
        .filter((p) => p.programmeSlug === slug && phases.phaseOf(slug, p.odsCode) === phase.phaseId)
        .filter((p) => p.enrolledOn !== null && p.enrolledOn <= until)
        .map((p) => pathOf(byParticipation, p, until));
      return {
        programme: slug,
        phaseId: phase.phaseId,
        phaseName: phase.name,
        until,
        stages: stagesOf(members),
      };
    });
  });
}

/** One CSV row per group and stage; the curve travels as JSON text in one cell. */
export function funnelRows(report: FunnelReport): Array<Record<string, unknown>> {
  const noPhase = { phaseId: null, phaseName: null };
  return [
    ...[report.overall, ...report.byCohort].flatMap((g, i) =>
      g.stages.map((s) => ({
        group: i === 0 ? 'overall' : 'cohort',
        cohortId: g.cohortId,
        cohortName: g.cohortName,
        ...noPhase,
        ...s,
      })),
    ),
    ...report.byPhase.flatMap((g) =>
      g.stages.map((s) => ({
        group: 'phase',
        cohortId: null,
        cohortName: null,
        phaseId: g.phaseId,
        phaseName: g.phaseName,
        ...s,
      })),
    ),
  ];
}
