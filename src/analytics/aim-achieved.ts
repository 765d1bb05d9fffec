/**
 * The Always Event aim rule: an aim counts as achieved, by default, when at
 * least three consecutive periods are at or beyond the target *and* the chart
 * shows a shift on the improving side. Both halves are returned as evidence,
 * with the profile and every parameter used, so the decision can be re-checked.
 */
import { computeChart } from './compute-chart';
import type {
  ChartType,
  ProfileName,
  SpcInputPoint,
  SpcParametersUsed,
  SpcRequest,
  SpcResult,
} from './spc-types';

export interface AimRuleInput {
  points: SpcInputPoint[];
  target: number;
  direction: 'increase' | 'decrease';
  /** Consecutive periods at or beyond the target (default 3). */
  consecutive?: number;
  /** The chart whose shift counts (default an IHI run chart, the Always Events method). */
  chart?: ChartType;
  profile?: ProfileName;
  baselinePoints?: SpcRequest['baselinePoints'];
  recalculateAt?: number[];
  exclude?: number[];
  multiply?: number | null;
  overrides?: SpcRequest['overrides'];
}

export interface AimDecision {
  achieved: boolean;
  evidence: {
    rule: string;
    /** Point numbers of the latest run of periods at or beyond the target that is long enough (else []). */
    atTarget: number[];
    /** Point numbers in a shift on the improving side. */
    shift: number[];
    chart: ChartType;
    profile: ProfileName;
    parameters: SpcParametersUsed;
  };
}

function latestStreak(
  result: SpcResult,
  target: number,
  direction: AimRuleInput['direction'],
  length: number,
): number[] {
  let best: number[] = [];
  let current: number[] = [];
  for (const point of result.points) {
    const reached =
      !point.excluded &&
      point.y !== null &&
      (direction === 'increase' ? point.y >= target : point.y <= target);
    current = reached ? [...current, point.n] : [];
    if (current.length >= length) best = current;
  }
  return best;
}

export function decideAimAchieved(input: AimRuleInput): AimDecision {
  const consecutive = input.consecutive ?? 3;
  const chart = input.chart ?? 'run';
  const profile = input.profile ?? 'ihi';
  const result = computeChart({
    chart,
    profile,
    points: input.points,
    improvementDirection: input.direction,
    target: input.target,
    baselinePoints: input.baselinePoints ?? null,
    recalculateAt: input.recalculateAt ?? [],
    exclude: input.exclude ?? [],
    multiply: input.multiply ?? null,
    overrides: input.overrides ?? {},
  });
  const atTarget = latestStreak(result, input.target, input.direction, consecutive);
  const shift = result.points
    .filter(
      (p) =>
        p.rules.includes('shift') &&
        p.y !== null &&
        p.centre !== null &&
        (input.direction === 'increase' ? p.y > p.centre : p.y < p.centre),
    )
    .map((p) => p.n);
  const beyond = input.direction === 'increase' ? 'at or above' : 'at or below';
  return {
    achieved: atTarget.length >= consecutive && shift.length > 0,
    evidence: {
      rule: `at least ${consecutive} consecutive periods ${beyond} the target ${input.target}, and a shift on the improving side of the centre line`,
      atTarget,
      shift,
      chart,
      profile,
      parameters: result.parameters,
    },
  };
}
