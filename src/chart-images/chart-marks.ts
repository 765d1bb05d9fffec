/**
 * The vertical marks of a measure's chart, in words: phase breaks (recorded
 * recalculations with their reasons, definition revisions), baselines, PDSA
 * starts and notes. Each sits on a point (or between two, for a break).
 */
import type { SpcPointResult } from '../analytics/spc-types';
import type { MeasureChart } from '../projections/measures/measure-chart';

export type MarkKind = 'phase-break' | 'baseline' | 'pdsa' | 'note';

export interface ChartMark {
  kind: MarkKind;
  /** Position in points: a break sits half a point before the phase's first (e.g. 11.5). */
  at: number;
  period: string;
  label: string;
}

/** What a chart image needs of a measure's chart answer. */
export type ChartImageData = Pick<
  MeasureChart,
  | 'name'
  | 'unitId'
  | 'frequency'
  | 'chart'
  | 'limitDecisions'
  | 'annotations'
  | 'pdsaStarts'
  | 'definitionPhases'
>;

const pointLabel = (point: SpcPointResult): string => point.date ?? `#${point.n}`;

export function chartMarks(data: ChartImageData): ChartMark[] {
  const points = data.chart?.points ?? [];
  const marks: ChartMark[] = [];
  points.forEach((point, i) => {
    const previous = points[i - 1];
    if (!previous || previous.phase === point.phase) return;
    const decision = data.limitDecisions.find((d) => d.kind === 'recalculation' && d.n === point.n);
    const revision = data.definitionPhases.find(
      (p) =>
        p.effectiveFromPeriod !== null &&
        (point.date ?? '') >= p.effectiveFromPeriod &&
        (previous.date ?? '') < p.effectiveFromPeriod,
    );
    const label = decision
      ? `Recalculated: ${decision.reason}`
      : revision
        ? `Definition version ${revision.definitionVersion}`
        : 'New phase';
    marks.push({ kind: 'phase-break', at: point.n - 0.5, period: pointLabel(point), label });
  });
  for (const decision of data.limitDecisions) {
    if (decision.kind !== 'baseline' || decision.n === null) continue;
    marks.push({
      kind: 'baseline',
      at: decision.n + 0.5,
      period: decision.period,
      label: `Baseline to ${decision.period}`,
    });
  }
  const starts = new Map<number, number[]>();
  for (const start of data.pdsaStarts) {
    if (start.n !== null) starts.set(start.n, [...(starts.get(start.n) ?? []), start.cycleNumber]);
  }
  for (const [n, cycles] of starts) {
    const period = pointLabel(points[n - 1]);
    marks.push({ kind: 'pdsa', at: n, period, label: `PDSA ${cycles.sort((a, b) => a - b).join(', ')}` });
  }
  data.annotations.forEach((note, i) => {
    if (note.n !== null)
      marks.push({ kind: 'note', at: note.n, period: note.period, label: `Note ${i + 1}: ${note.text}` });
  });
  return marks.sort((a, b) => a.at - b.at);
}
