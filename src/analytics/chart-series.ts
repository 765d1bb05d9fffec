/**
 * The request turned into arrays the calculations can run over: one plotted
 * value per point (NaN when undefined), exclusions, and the phases with the
 * range of points each phase computes its lines from.
 */
import type { SpcParameters } from './spc-parameters';
import type { SpcRequest, SpcWarning } from './spc-types';

export interface Phase {
  start: number;
  /** Exclusive. */
  end: number;
  /** Exclusive end of the points this phase's lines are computed from (a baseline stops early). */
  calcEnd: number;
  /** The phase's lines are fixed by a baseline (its first calcEnd − start points). */
  baseline: boolean;
}

export interface ChartSeries {
  count: number;
  y: Float64Array;
  numerator: Float64Array;
  denominator: Float64Array;
  excluded: Uint8Array;
  phaseOf: Int32Array;
  phases: Phase[];
}

type PhasePolicy = SpcParameters['baselineWithRecalculation'];

/** Phases whose baselines were each stated (recorded decisions): no policy to apply. */
function phasesWithOwnBaselines(
  count: number,
  recalculateAt: readonly number[],
  phaseBaselinePoints: ReadonlyArray<number | null>,
): Phase[] {
  const starts = [0, ...recalculateAt.map((n) => n - 1)];
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : count;
    const n = phaseBaselinePoints[i] ?? null;
    return n === null
      ? { start, end, calcEnd: end, baseline: false }
      : { start, end, calcEnd: Math.min(start + n, end), baseline: true };
  });
}

export function planPhases(
  count: number,
  recalculateAt: readonly number[],
  baselinePoints: number | null,
  policy: PhasePolicy,
  warnings: SpcWarning[],
  phaseBaselinePoints: ReadonlyArray<number | null> | null = null,
): Phase[] {
  if (phaseBaselinePoints !== null) return phasesWithOwnBaselines(count, recalculateAt, phaseBaselinePoints);
  let starts = [0, ...recalculateAt.map((n) => n - 1)];
  let baseline = baselinePoints;
  if (baseline !== null && starts.length > 1) {
    if (policy === 'baseline-wins') {
      warnings.push({
        code: 'recalculation-ignored',
        message: 'With a baseline the reference ignores recalculations; only the baseline was applied.',
      });
      starts = [0];
    } else if (policy === 'recalculation-wins') {
      warnings.push({
        code: 'baseline-ignored',
        message: 'With recalculations the reference ignores the baseline (qicharts2 freeze with part).',
      });
      baseline = null;
    }
  }
  const phases = starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : count;
    const fixed = baseline !== null && (policy === 'each-phase' || i === 0);
    return { start, end, calcEnd: fixed ? Math.min(start + (baseline ?? 0), end) : end, baseline: fixed };
  });
  if (baseline !== null && policy !== 'each-phase' && phases.length > 1 && baseline > phases[0].end) {
    warnings.push({
      code: 'baseline-clipped',
      message: `The baseline of ${baseline} points runs past the first recalculation; it was cut at point ${phases[0].end}.`,
    });
  }
  return phases;
}

export function prepareSeries(
  request: SpcRequest,
  parameters: SpcParameters,
  warnings: SpcWarning[],
): ChartSeries {
  const count = request.points.length;
  const y = new Float64Array(count);
  const numerator = new Float64Array(count).fill(NaN);
  const denominator = new Float64Array(count).fill(NaN);
  const excluded = new Uint8Array(count);
  for (const n of request.exclude ?? []) excluded[n - 1] = 1;
  request.points.forEach((point, i) => {
    if (point.denominator !== undefined && point.denominator !== null) {
      numerator[i] = point.numerator ?? NaN;
      denominator[i] = point.denominator;
      y[i] = point.denominator === 0 ? NaN : numerator[i] / point.denominator;
    } else {
      y[i] = point.value ?? NaN;
    }
  });
  const phases = planPhases(
    count,
    request.recalculateAt ?? [],
    request.baselinePoints ?? null,
    parameters.baselineWithRecalculation,
    warnings,
    request.phaseBaselinePoints ?? null,
  );
  const phaseOf = new Int32Array(count);
  phases.forEach((phase, p) => phaseOf.fill(p, phase.start, phase.end));
  return { count, y, numerator, denominator, excluded, phaseOf, phases };
}

/** Points that take part in calculations and rules: included and defined. */
export function isUsable(series: ChartSeries, i: number): boolean {
  return series.excluded[i] === 0 && !Number.isNaN(series.y[i]);
}
