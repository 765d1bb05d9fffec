/**
 * proposeRecalculations(): where a chart's own rules say the process has
 * moved for good, so its limits should be recalculated from there; nothing is
 * applied. Making Data Count's advice, as we apply it to every profile:
 * recalculate only when a shift (the profile's run on one side of the centre
 * line) is sustained, i.e. long enough to give the new phase lines of its own
 * (the profile's minimum baseline), and only for a change whose cause is
 * known; the new phase starts with the run's first point. The cause is the
 * team's to confirm, so a proposal says what to check and a person records
 * the decision with its reason.
 */
import { longestRunLimit } from './anhoej-limits';
import { computeChart } from './compute-chart';
import { resolveParameters } from './resolve-parameters';
import type { ImprovementDirection, SpcPointResult, SpcRequest, Variation } from './spc-types';

export interface RecalculationProposal {
  /** The first point of the proposed phase: the first point of the sustained run. */
  n: number;
  date: string | null;
  /** The phase the run breaks away from. */
  phase: number;
  side: 'above' | 'below';
  variation: Exclude<Variation, 'common-cause'>;
  /** Useful points in the run, from `n` on. */
  runLength: number;
  /** The centre line the run stays on one side of. */
  centre: number;
}

export interface RecalculationRule {
  /** The shift: this many useful points in a row on one side of the centre line. */
  shiftPoints: number;
  /** Sustained: the run has lasted this many points (the profile's minimum baseline, at least the shift). */
  sustainedPoints: number;
  description: string;
  /** What a person confirms before recording the recalculation (Making Data Count). */
  confirm: string[];
}

export interface RecalculationProposals {
  rule: RecalculationRule;
  /** In time order; each assumes the ones before it were recorded. */
  proposals: RecalculationProposal[];
}

const MAX_PROPOSALS = 20;

const CONFIRM = [
  'The shift has a known cause: a change to the process (for example an adopted change idea)',
  'The change is intended and expected to last',
];

function variationOf(side: 1 | -1, direction: ImprovementDirection): RecalculationProposal['variation'] {
  if (direction === 'neither') return 'neither';
  return (side === 1) === (direction === 'increase') ? 'improvement' : 'concern';
}

type Run = { start: number; side: 1 | -1; length: number };

/** Every maximal run of useful points on one side of the centre line, within [from, to). */
function runsOnOneSide(
  points: readonly SpcPointResult[],
  from: number,
  to: number,
  skipCentre: boolean,
): Run[] {
  const runs: Run[] = [];
  let run: Run | null = null;
  for (let i = from; i < to; i++) {
    const point = points[i];
    if (point.y === null || point.centre === null || point.excluded) continue;
    if (point.y === point.centre) {
      if (!skipCentre) run = null;
      continue;
    }
    const side = point.y > point.centre ? 1 : -1;
    if (run !== null && run.side === side) run.length++;
    else {
      run = { start: i, side, length: 1 };
      runs.push(run);
    }
  }
  return runs;
}

/**
 * The run without its transition: its first points that sit nearer the old
 * centre line than the centre line the new phase would have belong to the
 * change in progress, not to the new process, so the new phase starts after them.
 */
function afterTransition(request: SpcRequest, points: readonly SpcPointResult[], run: Run): Run {
  let { start, length } = run;
  const oldCentre = points[start].centre as number;
  while (length > 1) {
    const trial = computeChart({
      ...request,
      recalculateAt: [...new Set([...(request.recalculateAt ?? []), start + 1])].sort((a, b) => a - b),
      phaseBaselinePoints: null,
    });
    const newCentre = trial.points[start].centre;
    const y = points[start].y as number;
    if (newCentre === null || Math.abs(y - oldCentre) >= Math.abs(y - newCentre)) break;
    start++;
    while (start < points.length && (points[start].y === null || points[start].excluded)) start++;
    length--;
  }
  return { start, side: run.side, length };
}

function describe(shiftPoints: number | 'anhoej', sustained: number, skip: boolean): string {
  const shift =
    shiftPoints === 'anhoej'
      ? 'a run longer than the Anhøj limit (round(log2 n) + 3)'
      : `${shiftPoints} or more points in a row`;
  return (
    `A shift (${shift} on one side of the centre line${skip ? ', points on it skipped' : ''}) ` +
    `sustained for at least ${sustained} points, so the new phase has enough points for lines of its own; ` +
    `the recalculation starts at the run's first point, after any first points that sit nearer the old centre line than the new one (the change in progress).`
  );
}

/**
 * The rule a request's chart proposes by. It depends on the chart's options, not its points: every
 * proposal's run has at least `sustainedPoints` useful points, so a chart with fewer has none.
 */
export function recalculationRule(request: SpcRequest): RecalculationRule {
  const parameters = resolveParameters(request);
  const anhoej = parameters.shiftRule === 'anhoej';
  const shiftPoints = anhoej ? 0 : parameters.shiftPoints;
  const sustainedPoints = Math.max(shiftPoints, parameters.minimumBaselinePoints, 1);
  const skip = parameters.centreLinePoints === 'skip';
  return {
    shiftPoints,
    sustainedPoints,
    description: describe(anhoej ? 'anhoej' : shiftPoints, sustainedPoints, skip),
    confirm: CONFIRM,
  };
}

export function proposeRecalculations(
  request: SpcRequest,
  options: { limit?: number } = {},
): RecalculationProposals {
  const limit = Math.min(options.limit ?? MAX_PROPOSALS, MAX_PROPOSALS);
  const parameters = resolveParameters(request);
  const anhoej = parameters.shiftRule === 'anhoej';
  const shiftPoints = anhoej ? 0 : parameters.shiftPoints;
  const shiftFor = (useful: number) => (anhoej ? longestRunLimit(Math.max(useful, 1)) + 1 : shiftPoints);
  const minimum = Math.max(parameters.minimumBaselinePoints, 1);
  const skip = parameters.centreLinePoints === 'skip';
  const rule = recalculationRule(request);

  const proposals: RecalculationProposal[] = [];
  let current: SpcRequest = {
    ...request,
    recalculateAt: [...(request.recalculateAt ?? [])],
    // One baseline is read as the first phase's; recorded decisions give one per phase.
    phaseBaselinePoints:
      request.phaseBaselinePoints ?? (request.baselinePoints ? [request.baselinePoints] : null),
    baselinePoints: null,
  };
  let result = computeChart(current);
  while (proposals.length < limit) {
    const points = result.points;
    const phases = [...new Set(points.map((p) => p.phase))];
    let found: RecalculationProposal | null = null;
    for (const phase of phases) {
      const start = points.findIndex((p) => p.phase === phase);
      const end = start + points.filter((p) => p.phase === phase).length;
      // A phase's lines rest on its baseline or, without one, on its first points: a shift is
      // judged only against lines that had their minimum of points behind them.
      const baseline = current.phaseBaselinePoints?.[phase - 1] ?? null;
      const from = Math.max(start + 1, start + (baseline ?? (phase === 1 ? 1 : minimum)));
      const useful = points.slice(from, end).filter((p) => p.y !== null && !p.excluded && p.y !== p.centre);
      const shift = shiftFor(useful.length);
      const sustained = Math.max(shift, minimum);
      const run = runsOnOneSide(points, from, end, skip)
        .filter((r) => r.length >= shift)
        .map((r) => afterTransition(current, points, r))
        .find((r) => r.length >= sustained);
      if (run) {
        const point = points[run.start];
        found = {
          n: point.n,
          date: point.date,
          phase,
          side: run.side === 1 ? 'above' : 'below',
          variation: variationOf(run.side, parameters.improvementDirection),
          runLength: run.length,
          centre: point.centre as number,
        };
        break;
      }
    }
    if (found === null || (current.recalculateAt ?? []).includes(found.n)) break;
    proposals.push(found);
    const baselines = [...(current.phaseBaselinePoints ?? [])];
    if (baselines.length >= found.phase) baselines.splice(found.phase, 0, null);
    current = {
      ...current,
      recalculateAt: [...(current.recalculateAt ?? []), found.n].sort((a, b) => a - b),
      phaseBaselinePoints: baselines,
    };
    result = computeChart(current);
  }
  return { rule, proposals };
}
