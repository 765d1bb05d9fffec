/**
 * Runs analysis of each phase (qicharts2 runs.analysis(); Perla 2011 rule 3):
 * the useful observations are the included, defined points not on their centre
 * line; a run is a block of them on one side; crossings = runs − 1.
 */
import { crossingsLimit, longestRunLimit } from './anhoej-limits';
import type { ChartSeries } from './chart-series';
import { perlaRunsLimits } from './perla-runs-table';
import { RUNS, SHIFT_HIGH, SHIFT_LOW } from './rule-flags';
import type { SpcParameters } from './spc-parameters';
import type { PhaseRunsResult } from './spc-types';

interface PhaseRuns {
  result: PhaseRunsResult;
  /** Runs as [side, point indices]. */
  blocks: Array<[number, number[]]>;
  /** The crossings or number-of-runs part of the test signals (the longest-run part is a shift). */
  countSignal: boolean;
}

function analysePhase(
  series: ChartSeries,
  centre: Float64Array,
  start: number,
  end: number,
  runsTest: SpcParameters['runsTest'],
): PhaseRuns {
  const blocks: Array<[number, number[]]> = [];
  for (let i = start; i < end; i++) {
    if (series.excluded[i] === 1) continue;
    const side = series.y[i] > centre[i] ? 1 : series.y[i] < centre[i] ? -1 : 0;
    if (side === 0) continue;
    const last = blocks[blocks.length - 1];
    if (last !== undefined && last[0] === side) last[1].push(i);
    else blocks.push([side, [i]]);
  }
  const useful = blocks.reduce((sum, [, points]) => sum + points.length, 0);
  const table = perlaRunsLimits(useful);
  if (useful === 0) {
    const result = {
      usefulObservations: 0,
      longestRun: null,
      longestRunLimit: null,
      crossings: null,
      crossingsLimit: null,
      runs: null,
      runsLowerLimit: null,
      runsUpperLimit: null,
      // qicharts2: no useful observations, no signal; Perla's table starts at 10.
      signal: runsTest === 'anhoej' ? false : null,
    };
    return { result, blocks, countSignal: false };
  }
  const longestRun = blocks.reduce((longest, [, points]) => Math.max(longest, points.length), 0);
  const crossings = blocks.length - 1;
  const runLimit = longestRunLimit(useful);
  const crossingLimit = crossingsLimit(useful);
  const tooFewCrossings = crossings < crossingLimit;
  const tableSignal = table === null ? null : blocks.length < table.lower || blocks.length > table.upper;
  const signal =
    runsTest === 'anhoej'
      ? longestRun > runLimit || tooFewCrossings
      : runsTest === 'ihi-table'
        ? tableSignal
        : null;
  const countSignal =
    runsTest === 'anhoej' ? tooFewCrossings : runsTest === 'ihi-table' && tableSignal === true;
  return {
    result: {
      usefulObservations: useful,
      longestRun,
      longestRunLimit: runLimit,
      crossings,
      crossingsLimit: crossingLimit,
      runs: blocks.length,
      runsLowerLimit: table?.lower ?? null,
      runsUpperLimit: table?.upper ?? null,
      signal,
    },
    blocks,
    countSignal,
  };
}

/**
 * Per phase statistics, plus point flags: `runs` on the useful points of a
 * phase whose number of crossings (Anhøj) or runs (Perla) signals, and, with
 * the Anhøj shift rule, `shift` on the points of every run longer than the limit.
 */
export function analyseRuns(
  series: ChartSeries,
  centre: Float64Array,
  parameters: SpcParameters,
  flags: Uint16Array | null,
): PhaseRunsResult[] {
  return series.phases.map((phase) => {
    const { result, blocks, countSignal } = analysePhase(
      series,
      centre,
      phase.start,
      phase.end,
      parameters.runsTest,
    );
    if (flags === null) return result;
    for (const [side, points] of blocks) {
      for (const i of points) {
        if (countSignal) flags[i] |= RUNS;
        if (parameters.shiftRule === 'anhoej' && points.length > (result.longestRunLimit ?? Infinity)) {
          flags[i] |= side > 0 ? SHIFT_HIGH : SHIFT_LOW;
        }
      }
    }
    return result;
  });
}
