import {
  ChartType,
  computeChart,
  measureChartInput,
  ProfileName,
  SpcRequest,
  SpcResult,
} from '../../analytics';
import {
  limitPhases,
  MeasureFrequency,
  MeasureSeries,
  MeasureState,
  SeriesPoint,
  seriesOf,
} from '../../domain/measure';
import { MeasuresState } from './measures.projection';

/** The charts NHS teams draw for each profile's reference tool, when the caller does not choose. */
export const DEFAULT_CHART: Record<ProfileName, ChartType> = {
  mdc: 'xmr',
  'mdc-sql': 'xmr',
  ptd: 'xmr',
  ihi: 'run',
  qic: 'p',
};

/** The ISO week (YYYY-Www) or month (YYYY-MM) a date falls in. */
export function periodContaining(date: string, frequency: MeasureFrequency): string {
  if (frequency === 'Monthly') return date.slice(0, 7);
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export type MeasureChartOutcome =
  | { kind: 'not-found' }
  | { kind: 'unit-required'; units: string[] }
  | { kind: 'unknown-unit'; units: string[] }
  | { kind: 'chart'; body: MeasureChart };

export interface MeasureChart {
  measureId: string;
  alwaysEventId: string;
  name: string | null;
  role: string | null;
  unitId: string | null;
  units: string[];
  frequency: MeasureFrequency | null;
  improvementDirection: string | null;
  targetPct: number | null;
  definitionPhases: Array<{
    definitionVersion: number;
    effectiveFromPeriod: string | null;
    targetPct: number;
  }>;
  /** The engine's result; null while the unit has no measurements. */
  chart: SpcResult | null;
  /** The unit's recorded recalculations and baselines, with their reasons. */
  limitDecisions: LimitDecisionMark[];
  annotations: Array<{ n: number | null; period: string; text: string; pdsaCycleId: string | null }>;
  pdsaStarts: Array<{
    n: number | null;
    period: string;
    pdsaCycleId: string;
    cycleNumber: number;
    startedOn: string;
  }>;
}

/** A decision on the unit's limits, placed on the chart: a phase break or a baseline, with its reason. */
export interface LimitDecisionMark {
  kind: 'recalculation' | 'baseline';
  /** The recalculation's first period, or the baseline's last. */
  period: string;
  /** The point it falls on (the first on or after a recalculation's period, the last up to a baseline's); null if none. */
  n: number | null;
  reason: string;
  decidedAt: string;
}

type ChartOptions = { profile: ProfileName; chart?: ChartType; unitId?: string };

/** What a chart and its proposals are computed from: the engine's request for one unit. */
export type MeasureChartRequest =
  | { kind: 'not-found' }
  | { kind: 'unit-required'; units: string[] }
  | { kind: 'unknown-unit'; units: string[] }
  | {
      kind: 'request';
      measure: MeasureState;
      series: MeasureSeries;
      units: string[];
      unitId: string | null;
      points: SeriesPoint[];
      request: SpcRequest;
      decisions: LimitDecisionMark[];
    };

/**
 * The engine's request for one unit: corrected values, retractions gone,
 * definition revisions and recorded recalculations as new phases, each
 * phase's recorded baseline, and the range a percentage can take.
 */
export function measureChartRequest(
  state: MeasuresState,
  measureId: string,
  options: ChartOptions,
): MeasureChartRequest {
  const measure = state.measures[measureId];
  const series = measure && seriesOf(measure);
  if (!measure || !series) return { kind: 'not-found' };
  const units = Object.keys(series.units).sort();
  if (options.unitId !== undefined && !units.includes(options.unitId)) return { kind: 'unknown-unit', units };
  if (options.unitId === undefined && units.length > 1) return { kind: 'unit-required', units };
  const unitId = options.unitId ?? units[0] ?? null;
  const points = unitId === null ? [] : series.units[unitId];
  const chart = options.chart ?? DEFAULT_CHART[options.profile];
  const counted = chart === 'p' || chart === 'pprime' || chart === 'u' || chart === 'c';
  const percentage = chart !== 'c' && chart !== 'u';
  const targetPct = series.phases.at(-1)?.targetPct ?? null;
  const decided = unitId === null ? [] : limitPhases(measure.limitDecisions[unitId]);
  const request = measureChartInput(
    {
      periods: points.map((p) =>
        !counted
          ? { period: p.period, value: p.pct }
          : chart === 'c'
            ? { period: p.period, value: p.numerator }
            : { period: p.period, numerator: p.numerator, denominator: p.denominator },
      ),
      phaseStarts: series.phases.flatMap((phase) =>
        phase.effectiveFromPeriod ? [phase.effectiveFromPeriod] : [],
      ),
      decidedPhases: decided.map((phase) => ({
        from: phase.recalculation?.period ?? null,
        baselineThrough: phase.baseline?.throughPeriod ?? null,
      })),
    },
    {
      chart,
      profile: options.profile,
      improvementDirection: series.improvementDirection,
      target: chart === 'c' ? null : targetPct,
      multiply: chart === 'p' || chart === 'pprime' ? 100 : null,
      valueRange: percentage ? { lower: 0, upper: 100 } : { lower: 0, upper: null },
    },
  );
  const firstFrom = (period: string) => {
    const index = points.findIndex((p) => p.period >= period);
    return index === -1 ? null : index + 1;
  };
  const lastUpTo = (period: string) => points.filter((p) => p.period <= period).length || null;
  const decisions: LimitDecisionMark[] = decided.flatMap((phase) => [
    ...(phase.recalculation
      ? [{ kind: 'recalculation' as const, ...phase.recalculation, n: firstFrom(phase.recalculation.period) }]
      : []),
    ...(phase.baseline
      ? [
          {
            kind: 'baseline' as const,
            period: phase.baseline.throughPeriod,
            reason: phase.baseline.reason,
            decidedAt: phase.baseline.decidedAt,
            n: lastUpTo(phase.baseline.throughPeriod),
          },
        ]
      : []),
  ]);
  return { kind: 'request', measure, series, units, unitId, points, request, decisions };
}

/**
 * A measure's chart for one unit through the analytics engine, with PDSA
 * starts, annotations and the recorded decisions on its limits placed on
 * their periods.
 */
export function measureChart(
  state: MeasuresState,
  measureId: string,
  options: ChartOptions,
): MeasureChartOutcome {
  const built = measureChartRequest(state, measureId, options);
  if (built.kind !== 'request') return built;
  const { measure, series, units, unitId, points, request, decisions } = built;
  const periodNumber = (period: string): number | null => {
    const index = points.findIndex((p) => p.period === period);
    return index === -1 ? null : index + 1;
  };
  return {
    kind: 'chart',
    body: {
      measureId,
      alwaysEventId: series.alwaysEventId,
      name: measure.definition?.name ?? null,
      role: series.role,
      unitId,
      units,
      frequency: series.frequency,
      improvementDirection: series.improvementDirection,
      targetPct: series.phases.at(-1)?.targetPct ?? null,
      definitionPhases: series.phases,
      chart: points.length === 0 ? null : computeChart(request),
      limitDecisions: decisions,
      annotations: (state.annotations[measureId] ?? [])
        .filter((a) => a.unitId === null || a.unitId === unitId)
        .map((a) => ({
          n: periodNumber(a.period),
          period: a.period,
          text: a.text,
          pdsaCycleId: a.pdsaCycleId,
        })),
      pdsaStarts: (state.pdsaStarts[series.alwaysEventId] ?? []).map((start) => {
        const period = periodContaining(start.startedOn, series.frequency);
        return {
          n: periodNumber(period),
          period,
          pdsaCycleId: start.pdsaCycleId,
          cycleNumber: start.cycleNumber,
          startedOn: start.startedOn,
        };
      }),
    },
  };
}
