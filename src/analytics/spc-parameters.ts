/**
 * Every choice on which the references differ (docs/analysts/spc-rules.md, "Side by side"), as one
 * explicit parameter. A profile sets all of them; a request may override any.
 */
export interface SpcParameters {
  /** XmR limits: MDC/ptd x̄ ± 2.66·MR̄ (two-sigma (2·2.66/3)·MR̄), or qicharts2 x̄ ± 3·MR̄/1.128. */
  individualsSigma: 'mr-times-2.66' | 'mr-over-1.128';
  /**
   * Moving-range outlier screening (Nelson 1982): `none`; `strict` keeps MR < 3.267·MR̄ (ptd,
   * qicharts2); `mdc-sql` keeps MR ≤ 3.267·MR̄ and also drops the screened points from the mean.
   */
  movingRangeScreening: 'none' | 'strict' | 'mdc-sql';
  /** `fixed`: `shiftPoints` in a row on one side; `anhoej`: a run longer than round(log2 n) + 3. */
  shiftRule: 'fixed' | 'anhoej' | 'off';
  shiftPoints: number;
  /** A point exactly on the centre line breaks a shift (MDC, ptd) or is skipped (IHI, Anhøj). */
  centreLinePoints: 'break' | 'skip';
  /** Trend length in points; 0 turns the rule off. */
  trendPoints: number;
  /** Equal successive values break a trend (MDC, ptd) or are counted once (IHI). */
  trendTies: 'break' | 'skip';
  /** Two of three beyond two sigma: off, or whether points beyond the limits count towards it. */
  twoOfThree: 'off' | 'exclude-beyond-limits' | 'include-beyond-limits';
  /** Runs test per phase: none, Anhøj longest run and crossings, or Perla Table 1 number of runs. */
  runsTest: 'none' | 'anhoej' | 'ihi-table';
  /** A point with both an improvement and a concern hit: which wins, or ptd's one-label precedence. */
  conflict: 'improvement' | 'concern' | 'ptd-precedence';
  shiftCrossesRecalculation: boolean;
  trendCrossesRecalculation: boolean;
  twoOfThreeCrossesRecalculation: boolean;
  /** Fewer usable points than this in the chart: no limits, no special cause, no icons (MDC: 13). */
  minimumPoints: number;
  /** Warn about phases with fewer usable points than this (0: never). */
  shortPhaseWarningBelow: number;
  /** Warn about a baseline (lines fixed after n points) with fewer usable points than this (0: never). */
  minimumBaselinePoints: number;
  /** Whether the reference shows the variation and assurance icons at all. */
  icons: boolean;
  /** A target exactly on a process limit: pass/fail (MDC SQL) or hit-or-miss (ptd). */
  assuranceOnLimit: 'pass-fail' | 'hit-or-miss';
  /**
   * Baseline together with recalculations: `baseline-wins` ignores the recalculations (MDC
   * Excel); `recalculation-wins` ignores the baseline (qicharts2); `each-phase` fixes every
   * phase after n points (ptd); `first-phase` fixes only the first phase (MDC SQL).
   */
  baselineWithRecalculation: 'baseline-wins' | 'recalculation-wins' | 'each-phase' | 'first-phase';
  /** Excluded points: `ghost` takes them out of every rule; `limits-only` still tests them against the limits (qicharts2). */
  excludedPoints: 'ghost' | 'limits-only';
  /**
   * An undefined value (missing, 0/0): `bridge` drops the period so moving ranges and rules join
   * its neighbours (MDC Excel "Gaps"); `gap` breaks moving ranges and consecutive-point rules.
   */
  undefinedPoints: 'bridge' | 'gap';
}

export type SpcParameterName = keyof SpcParameters;
export type SpcParameterOverrides = Partial<SpcParameters>;

type Domain =
  { kind: 'enum'; values: readonly string[] } | { kind: 'boolean' } | { kind: 'integer'; min: number };

/** What each parameter accepts; the validator checks overrides against it. */
export const PARAMETER_DOMAINS: Record<SpcParameterName, Domain> = {
  individualsSigma: { kind: 'enum', values: ['mr-times-2.66', 'mr-over-1.128'] },
  movingRangeScreening: { kind: 'enum', values: ['none', 'strict', 'mdc-sql'] },
  shiftRule: { kind: 'enum', values: ['fixed', 'anhoej', 'off'] },
  shiftPoints: { kind: 'integer', min: 2 },
  centreLinePoints: { kind: 'enum', values: ['break', 'skip'] },
  trendPoints: { kind: 'integer', min: 0 },
  trendTies: { kind: 'enum', values: ['break', 'skip'] },
  twoOfThree: { kind: 'enum', values: ['off', 'exclude-beyond-limits', 'include-beyond-limits'] },
  runsTest: { kind: 'enum', values: ['none', 'anhoej', 'ihi-table'] },
  conflict: { kind: 'enum', values: ['improvement', 'concern', 'ptd-precedence'] },
  shiftCrossesRecalculation: { kind: 'boolean' },
  trendCrossesRecalculation: { kind: 'boolean' },
  twoOfThreeCrossesRecalculation: { kind: 'boolean' },
  minimumPoints: { kind: 'integer', min: 0 },
  shortPhaseWarningBelow: { kind: 'integer', min: 0 },
  minimumBaselinePoints: { kind: 'integer', min: 0 },
  icons: { kind: 'boolean' },
  assuranceOnLimit: { kind: 'enum', values: ['pass-fail', 'hit-or-miss'] },
  baselineWithRecalculation: {
    kind: 'enum',
    values: ['baseline-wins', 'recalculation-wins', 'each-phase', 'first-phase'],
  },
  excludedPoints: { kind: 'enum', values: ['ghost', 'limits-only'] },
  undefinedPoints: { kind: 'enum', values: ['bridge', 'gap'] },
};

export const PARAMETER_NAMES = Object.keys(PARAMETER_DOMAINS) as SpcParameterName[];
