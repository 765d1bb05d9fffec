import { ChartType, computeChart, measureChartInput, ProfileName, SpcResult } from '../../analytics';
import type { MeasureAnnotation } from '../../analytics';
import { MeasureFrequency, seriesOf } from '../../domain/measure';
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
  annotations: Array<{ n: number | null; period: string; text: string; pdsaCycleId: string | null }>;
  pdsaStarts: Array<{
    n: number | null;
    period: string;
    pdsaCycleId: string;
    cycleNumber: number;
    startedOn: string;
  }>;
}

/**
 * A measure's chart for one unit through the analytics engine: corrected
 * values, retractions gone, definition revisions as new phases, a baseline
 * freezing the limits, and PDSA starts and annotations placed on their periods.
 */
export function measureChart(
  state: MeasuresState,
  measureId: string,
  options: { profile: ProfileName; chart?: ChartType; unitId?: string },
): MeasureChartOutcome {
  const measure = state.measures[measureId];
  const series = measure && seriesOf(measure);
  if (!measure || !series) return { kind: 'not-found' };
  const units = Object.keys(series.units).sort();
  if (options.unitId !== undefined && !units.includes(options.unitId)) return { kind: 'unknown-unit', units };
  if (options.unitId === undefined && units.length > 1) return { kind: 'unit-required', units };
  const unitId = options.unitId ?? units[0] ?? null;
  const points = unitId === null ? [] : series.units[unitId];
  const periodNumber = (period: string): number | null => {
    const index = points.findIndex((p) => p.period === period);
    return index === -1 ? null : index + 1;
  };
  const chart = options.chart ?? DEFAULT_CHART[options.profile];
  const counted = chart === 'p' || chart === 'pprime' || chart === 'u' || chart === 'c';
  const targetPct = series.phases.at(-1)?.targetPct ?? null;
  const baseline = unitId === null ? undefined : measure.baselines[unitId];
  const annotations: MeasureAnnotation[] = baseline
    ? [{ period: baseline.periods.at(-1) as string, kind: 'baseline-end' }]
    : [];
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
      annotations,
    },
    {
      chart,
      profile: options.profile,
      improvementDirection: series.improvementDirection,
      target: chart === 'c' ? null : targetPct,
      multiply: chart === 'p' || chart === 'pprime' ? 100 : null,
    },
  );
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
      targetPct,
      definitionPhases: series.phases,
      chart: points.length === 0 ? null : computeChart(request),
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
