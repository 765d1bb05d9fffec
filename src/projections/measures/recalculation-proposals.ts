import { proposeRecalculations, ProfileName, RecalculationRule } from '../../analytics';
import { MeasureChartRequest } from './measure-chart';

export interface RecalculationProposalView {
  /** The first period of the proposed phase, and its point on the chart. */
  period: string;
  n: number;
  /** The phase the run breaks away from, and where it sits against that phase's centre line. */
  phase: number;
  side: 'above' | 'below';
  variation: string;
  runLength: number;
  centre: number;
}

export interface RecalculationProposalsBody {
  measureId: string;
  unitId: string | null;
  profile: ProfileName;
  chart: string;
  rule: RecalculationRule;
  /** In time order; each assumes the ones before it were recorded. */
  proposals: RecalculationProposalView[];
}

/** The measure chart's own request, given to the engine's proposal rule; periods for point numbers. */
export function recalculationProposals(
  measureId: string,
  profile: ProfileName,
  built: Extract<MeasureChartRequest, { kind: 'request' }>,
): RecalculationProposalsBody {
  const { rule, proposals } =
    built.points.length === 0
      ? { rule: proposeRecalculations({ ...built.request, points: [] }).rule, proposals: [] }
      : proposeRecalculations(built.request);
  return {
    measureId,
    unitId: built.unitId,
    profile,
    chart: built.request.chart,
    rule,
    proposals: proposals.map((p) => ({
      period: built.points[p.n - 1].period,
      n: p.n,
      phase: p.phase,
      side: p.side,
      variation: p.variation,
      runLength: p.runLength,
      centre: p.centre,
    })),
  };
}
