/**
 * Turns a measure's series, as the measure read model holds it, into a chart
 * request: periods in time order, a new phase where a definition revision takes
 * effect or a chart annotation asks for a recalculation, exclusions and a
 * baseline from annotations. Periods are ISO strings, so they sort as text.
 */
import type { ChartType, ImprovementDirection, ProfileName, SpcRequest } from './spc-types';

export interface MeasurePeriod {
  period: string;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface MeasureAnnotation {
  period: string;
  kind: 'recalculate' | 'exclude' | 'baseline-end' | 'note';
}

/** A phase of limits a team decided on: where it starts (null: the first) and its baseline's last period. */
export interface DecidedPhase {
  from: string | null;
  baselineThrough: string | null;
}

export interface MeasureSeries {
  periods: MeasurePeriod[];
  /** First period of each definition revision (from ReviseMeasureDefinition). */
  phaseStarts?: string[];
  annotations?: MeasureAnnotation[];
  /**
   * Recorded decisions (RecalculateLimits, SetBaseline): each starts a phase
   * and may fix its lines; every phase's baseline is its own, whatever the profile.
   */
  decidedPhases?: DecidedPhase[];
}

export interface MeasureChartOptions {
  chart: ChartType;
  profile: ProfileName;
  improvementDirection?: ImprovementDirection;
  target?: number | null;
  multiply?: number | null;
  valueRange?: { lower: number | null; upper: number | null } | null;
}

export function measureChartInput(series: MeasureSeries, options: MeasureChartOptions): SpcRequest {
  const periods = [...series.periods].sort((a, b) =>
    a.period < b.period ? -1 : a.period > b.period ? 1 : 0,
  );
  const annotations = series.annotations ?? [];
  const numberOf = (period: string) => periods.findIndex((p) => p.period === period) + 1;
  const firstFrom = (period: string) => periods.findIndex((p) => p.period >= period) + 1;
  const decided = series.decidedPhases ?? null;
  const starts = [
    ...(series.phaseStarts ?? []).map(firstFrom),
    ...annotations.filter((a) => a.kind === 'recalculate').map((a) => numberOf(a.period)),
    ...(decided ?? []).flatMap((d) => (d.from === null ? [] : [firstFrom(d.from)])),
  ];
  const recalculateAt = [...new Set(starts.filter((n) => n >= 2))].sort((a, b) => a - b);
  const baselineEnds = annotations.filter((a) => a.kind === 'baseline-end').map((a) => numberOf(a.period));
  /** The last point on or before a period: a baseline's end, even if that period was retracted since. */
  const lastUpTo = (period: string) => periods.filter((p) => p.period <= period).length;
  const phaseBaselinePoints =
    decided === null
      ? null
      : [1, ...recalculateAt].map((start, i) => {
          const end = i < recalculateAt.length ? recalculateAt[i] : periods.length + 1;
          const through = decided
            .flatMap((d) => (d.baselineThrough === null ? [] : [lastUpTo(d.baselineThrough)]))
            .filter((n) => n >= start && n < end)
            .at(-1);
          return through === undefined ? null : through - start + 1;
        });
  return {
    chart: options.chart,
    profile: options.profile,
    improvementDirection: options.improvementDirection ?? 'neither',
    target: options.target ?? null,
    multiply: options.multiply ?? null,
    points: periods.map(({ period, value, numerator, denominator }) =>
      value !== undefined && value !== null
        ? { date: period, value }
        : { date: period, numerator, denominator },
    ),
    recalculateAt,
    exclude: [...new Set(annotations.filter((a) => a.kind === 'exclude').map((a) => numberOf(a.period)))]
      .filter((n) => n >= 1)
      .sort((a, b) => a - b),
    ...(phaseBaselinePoints === null
      ? { baselinePoints: baselineEnds.some((n) => n >= 1) ? Math.max(...baselineEnds) : null }
      : { baselinePoints: null, phaseBaselinePoints }),
    ...(options.valueRange ? { valueRange: options.valueRange } : {}),
  };
}
