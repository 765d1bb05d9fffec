import { PDSA_DECISIONS, PdsaDecision, PdsaScale, PredictionOutcome } from '../../domain/pdsa';
import { daysBetween, percent } from '../report-arithmetic';
import { CycleDates, CycleRecord, PdsaLearningState } from './pdsa-learning-state';

/**
 * The PDSA learning log (docs/analysts/read-models.md):
 * - chains: per change idea, its cycles in order (cycle number, then plan
 *   date), each prediction beside its outcome, and the decision;
 * - decision mix: completed cycles by decision (adopt / adapt / abandon);
 * - velocity: cycles completed while the Always Event was in Testing, per 30
 *   days of Testing. Testing runs from TestingStarted to the first of
 *   ImplementationStarted, closure or the reporting date (pauses are not
 *   subtracted); a window under a day counts as one day. Cycles completed
 *   before testing (during co-design) or after it (scale-up tests) are in the
 *   chains and the mix, not in velocity. Null until testing has started.
 */

export interface CycleView {
  pdsaCycleId: string;
  alwaysEventId: string;
  changeIdeaId: string;
  cycleNumber: number;
  previousCycleId: string | null;
  objective: string | null;
  status: string;
  scale: PdsaScale | null;
  predictions: Array<{ prediction: string; outcome: PredictionOutcome | null; note: string | null }>;
  resultsSummary: string | null;
  learning: string | null;
  decision: PdsaDecision | null;
  nextSteps: string | null;
  cancelReason: string | null;
  dates: CycleDates;
}

export interface ChangeIdeaChain {
  changeIdeaId: string;
  description: string | null;
  origin: string | null;
  cycles: CycleView[];
  /** The decision of the last completed cycle: where the idea stands. */
  latestDecision: PdsaDecision | null;
}

export type DecisionMix = { completed: number } & Record<
  PdsaDecision,
  { count: number; percent: number | null }
>;

export interface Velocity {
  testingStarted: string | null;
  testingUntil: string | null;
  testingDays: number | null;
  completedWhileTesting: number;
  cyclesPer30Days: number | null;
}

export interface PdsaLearningRow {
  alwaysEventId: string;
  programmeSlug: string | null;
  odsCode: string | null;
  cycles: number;
  completed: number;
  cancelled: number;
  decisionMix: DecisionMix;
  velocity: Velocity;
  changeIdeas: ChangeIdeaChain[];
}

export interface PdsaLearningFilters {
  alwaysEvent?: string;
  organisation?: string;
  programme?: string;
}

function viewOf(pdsaCycleId: string, r: CycleRecord): CycleView {
  const { cycle } = r;
  return {
    pdsaCycleId,
    alwaysEventId: cycle.ref?.alwaysEventId ?? '',
    changeIdeaId: cycle.ref?.changeIdeaId ?? '',
    cycleNumber: cycle.ref?.cycleNumber ?? 0,
    previousCycleId: r.previousCycleId,
    objective: r.objective,
    status: cycle.status,
    scale: cycle.scale,
    predictions: cycle.predictions.map((prediction, index) => {
      const outcome = cycle.predictionOutcomes.find((o) => o.predictionIndex === index);
      return { prediction, outcome: outcome?.outcome ?? null, note: outcome?.note ?? null };
    }),
    resultsSummary: r.resultsSummary,
    learning: r.learning,
    decision: cycle.decision,
    nextSteps: r.nextSteps,
    cancelReason: r.cancelReason,
    dates: { ...r.dates },
  };
}

export function decisionMix(decisions: ReadonlyArray<PdsaDecision | null>): DecisionMix {
  const completed = decisions.filter((d) => d !== null).length;
  const mix = { completed } as DecisionMix;
  for (const decision of PDSA_DECISIONS) {
    const count = decisions.filter((d) => d === decision).length;
    mix[decision] = { count, percent: percent(count, completed) };
  }
  return mix;
}

function velocityOf(
  testing: PdsaLearningState['alwaysEvents'][string] | undefined,
  cycles: CycleView[],
  date: string,
): Velocity {
  const start = testing?.testingStarted ?? null;
  if (start === null || start > date) {
    return {
      testingStarted: null,
      testingUntil: null,
      testingDays: null,
      completedWhileTesting: 0,
      cyclesPer30Days: null,
    };
  }
  const until = [testing?.implementationStarted, testing?.closed, date]
    .filter((d): d is string => typeof d === 'string')
    .sort()[0];
  const testingDays = daysBetween(start, until);
  const completedWhileTesting = cycles.filter(
    (c) => c.dates.completed !== null && c.dates.completed >= start && c.dates.completed <= until,
  ).length;
  return {
    testingStarted: start,
    testingUntil: until,
    testingDays,
    completedWhileTesting,
    cyclesPer30Days: Math.round(((completedWhileTesting * 30) / Math.max(testingDays, 1)) * 100) / 100,
  };
}

const byCycleOrder = (a: CycleView, b: CycleView) =>
  a.cycleNumber - b.cycleNumber ||
  (a.dates.planned ?? '').localeCompare(b.dates.planned ?? '') ||
  a.pdsaCycleId.localeCompare(b.pdsaCycleId);

/** Cycles whose plan lies inside the bounds, in chain order. */
function cycleViews(state: PdsaLearningState): CycleView[] {
  return Object.entries(state.cycles)
    .filter(([, r]) => r.cycle.ref !== null)
    .map(([id, r]) => viewOf(id, r))
    .sort(byCycleOrder);
}

function chainsOf(state: PdsaLearningState, alwaysEventId: string, views: CycleView[]): ChangeIdeaChain[] {
  const ideas = state.alwaysEvents[alwaysEventId]?.changeIdeas ?? {};
  return [...new Set(views.map((v) => v.changeIdeaId))]
    .map((changeIdeaId) => {
      const cycles = views.filter((v) => v.changeIdeaId === changeIdeaId);
      return {
        changeIdeaId,
        description: ideas[changeIdeaId]?.description ?? null,
        origin: ideas[changeIdeaId]?.origin ?? null,
        cycles,
        latestDecision: cycles.filter((c) => c.decision !== null).at(-1)?.decision ?? null,
      };
    })
    .sort(
      (a, b) =>
        (a.cycles[0].dates.planned ?? '').localeCompare(b.cycles[0].dates.planned ?? '') ||
        a.changeIdeaId.localeCompare(b.changeIdeaId),
    );
}

/**
 * One row per Always Event that has a cycle or has started testing (an Always
 * Event testing with no cycles has a velocity of 0, which matters), ordered by
 * organisation then id. The cycles are grouped by Always Event once, and the
 * filters pick Always Events before their rows are built: a filter per Always
 * Event over every cycle took 12-20 s at a million events (bench:scale's store).
 */
export function pdsaLearningRows(
  state: PdsaLearningState,
  date: string,
  filters: PdsaLearningFilters = {},
): PdsaLearningRow[] {
  const byAlwaysEvent = new Map<string, CycleView[]>();
  for (const view of cycleViews(state)) {
    const own = byAlwaysEvent.get(view.alwaysEventId);
    if (own) own.push(view);
    else byAlwaysEvent.set(view.alwaysEventId, [view]);
  }
  for (const [id, record] of Object.entries(state.alwaysEvents)) {
    if (record.testingStarted !== null && !byAlwaysEvent.has(id)) byAlwaysEvent.set(id, []);
  }
  const rows: PdsaLearningRow[] = [];
  for (const [alwaysEventId, own] of byAlwaysEvent) {
    if (filters.alwaysEvent !== undefined && alwaysEventId !== filters.alwaysEvent) continue;
    // The plan names the organisation too, for a cycle whose Always Event lies outside the bounds.
    const subject = state.alwaysEvents[alwaysEventId] ?? state.cycles[own[0].pdsaCycleId];
    if (filters.organisation !== undefined && subject.odsCode !== filters.organisation) continue;
    if (filters.programme !== undefined && subject.programmeSlug !== filters.programme) continue;
    rows.push({
      alwaysEventId,
      programmeSlug: subject.programmeSlug,
      odsCode: subject.odsCode,
      cycles: own.length,
      completed: own.filter((v) => v.status === 'Completed').length,
      cancelled: own.filter((v) => v.status === 'Cancelled').length,
      decisionMix: decisionMix(own.map((v) => v.decision)),
      velocity: velocityOf(state.alwaysEvents[alwaysEventId], own, date),
      changeIdeas: chainsOf(state, alwaysEventId, own),
    });
  }
  return rows.sort(
    (a, b) =>
      (a.odsCode ?? '').localeCompare(b.odsCode ?? '') || a.alwaysEventId.localeCompare(b.alwaysEventId),
  );
}

/** Figures over the rows a query selected: cycles and the decision mix of all their completed cycles. */
export interface PdsaLearningOverall {
  alwaysEvents: number;
  cycles: number;
  decisionMix: DecisionMix;
}

export function pdsaLearningOverall(rows: readonly PdsaLearningRow[]): PdsaLearningOverall {
  const cycles = rows.flatMap((r) => r.changeIdeas.flatMap((c) => c.cycles));
  return {
    alwaysEvents: rows.length,
    cycles: cycles.length,
    decisionMix: decisionMix(cycles.map((c) => c.decision)),
  };
}

/** The log's natural grain for CSV: one row per cycle, with its Always Event's velocity beside it. */
export function cycleCsvRows(rows: readonly PdsaLearningRow[]): Array<Record<string, unknown>> {
  return rows.flatMap((r) =>
    r.changeIdeas.flatMap((idea) =>
      idea.cycles.map((c) => ({
        odsCode: r.odsCode,
        changeIdeaDescription: idea.description,
        changeIdeaOrigin: idea.origin,
        ...c,
        cyclesPer30Days: r.velocity.cyclesPer30Days,
      })),
    ),
  );
}

/** Every cycle in the state, for CSV replays of any bounds, grouped by Always Event and change idea. */
export function pdsaCycleRows(state: PdsaLearningState): Array<Record<string, unknown>> {
  return cycleViews(state)
    .sort(
      (a, b) =>
        a.alwaysEventId.localeCompare(b.alwaysEventId) ||
        a.changeIdeaId.localeCompare(b.changeIdeaId) ||
        byCycleOrder(a, b),
    )
    .map((c) => ({ odsCode: state.cycles[c.pdsaCycleId].odsCode, ...c }));
}
