/**
 * Named parameter sets that reproduce each reference exactly. Source tags are
 * those of docs/analysts/spc-rules.md, "Sources": [S1] Perla 2011, [S2] NHSRplotthedots 0.2.2,
 * [S3] qicharts2 0.8.1, [S4] MDC SQL query v2.6, [S5] MDC XmR testing document.
 */
import type { SpcParameters } from './spc-parameters';
import type { ChartType, ProfileName } from './spc-types';

export interface SpcProfile {
  name: ProfileName;
  reference: string;
  /** The charts the reference itself draws; other charts get a warning. */
  charts: readonly ChartType[];
  /** Whether the reference can leave points out of the calculations. */
  excludes: boolean;
  parameters: SpcParameters;
  /** Where each value comes from, or why it was chosen where the reference is silent. */
  sources: Record<keyof SpcParameters, string>;
}

const mdc: SpcProfile = {
  name: 'mdc',
  reference: 'NHS England Making Data Count Single Chart Tool v5.0 (Excel)',
  charts: ['xmr'],
  excludes: false,
  parameters: {
    individualsSigma: 'mr-times-2.66',
    movingRangeScreening: 'none',
    shiftRule: 'fixed',
    shiftPoints: 6,
    centreLinePoints: 'break',
    trendPoints: 6,
    trendTies: 'break',
    twoOfThree: 'exclude-beyond-limits',
    runsTest: 'none',
    conflict: 'improvement',
    shiftCrossesRecalculation: true,
    trendCrossesRecalculation: true,
    twoOfThreeCrossesRecalculation: true,
    minimumPoints: 13,
    shortPhaseWarningBelow: 13,
    minimumBaselinePoints: 13,
    icons: true,
    assuranceOnLimit: 'pass-fail',
    baselineWithRecalculation: 'baseline-wins',
    excludedPoints: 'ghost',
    undefinedPoints: 'bridge',
  },
  sources: {
    individualsSigma: '[S5] "Process limits": the Excel tool multiplies MR̄ by 2.66',
    movingRangeScreening: '[S5] "Moving range outliers": not supported',
    shiftRule: '[S5] "Special cause — shift"',
    shiftPoints: '[S5] introduction: shift and trend set to 6',
    centreLinePoints: '[S5] shift: points all above or all below the mean (strict)',
    trendPoints: '[S5] introduction: shift and trend set to 6',
    trendTies: '[S5] "There cannot be any pauses in the run"',
    twoOfThree: '[S5] a point beyond three sigma "does not count for this rule"',
    runsTest: '[S5] has no runs test',
    conflict: '[S5] "Special cause conflict": the Excel tool shows blue (improvement)',
    shiftCrossesRecalculation: '[S5] "Special cause crossing recalculations"',
    trendCrossesRecalculation: '[S5] "Special cause crossing recalculations"',
    twoOfThreeCrossesRecalculation: '[S5] "Special cause crossing recalculations"',
    minimumPoints: '[S5] "Number of points": limits and icons from 13 points',
    shortPhaseWarningBelow:
      '[S5] gives no per-phase warning; ours: a phase below the 13 points [S5] "Number of points" asks of a chart has trial limits',
    minimumBaselinePoints:
      '[S5] "Number of points": limits need 13 points, so a baseline of fewer is flagged',
    icons: '[S5] "Summary icons"',
    assuranceOnLimit: '[S5] does not show a target on a limit; follows the SQL query [S4] step 4k',
    baselineWithRecalculation: '[S5] "Baselines": with a recalculation only the baseline is implemented',
    excludedPoints: '[S5] "Ghosting" is not supported; exclusions follow the SQL query ghosting [S4]',
    undefinedPoints: '[S5] "Gaps": a period with no value or a 0 denominator is removed',
  },
};

const mdcSql: SpcProfile = {
  name: 'mdc-sql',
  reference: 'NHS England Making Data Count SPC Charts SQL Query v2.6 (10/01/2024)',
  charts: ['xmr'],
  excludes: true,
  parameters: {
    ...mdc.parameters,
    twoOfThree: 'include-beyond-limits',
    shiftCrossesRecalculation: false,
    twoOfThreeCrossesRecalculation: false,
    shortPhaseWarningBelow: 12,
    minimumBaselinePoints: 12,
    baselineWithRecalculation: 'first-phase',
    undefinedPoints: 'gap',
  },
  sources: {
    individualsSigma: '[S4] step 4e: [MovingRangeMeanForProcessLimits] * 2.66',
    movingRangeScreening: '[S4] @ExcludeMovingRangeOutliers default 0 (set `mdc-sql` to turn it on)',
    shiftRule: '[S4] step 4g',
    shiftPoints: '[S4] @SettingSpecialCauseShiftPoints = 6 (v2.6)',
    centreLinePoints: '[S4] step 4g: [Value] > [Mean] / [Value] < [Mean]',
    trendPoints: '[S4] @SettingSpecialCauseTrendPoints = 6 (v2.6)',
    trendTies: '[S4] step 4h: strictly greater / smaller than the previous point',
    twoOfThree: '[S4] changelog 2.6: points beyond three sigma count',
    runsTest: '[S4] has no runs test',
    conflict:
      '[S4] step 4j: [MetricConflictRule] is set per metric with no default; Improvement matches the Excel tool',
    shiftCrossesRecalculation: '[S4] step 4g partitions by [PartitionIDExcludeGhosting]',
    trendCrossesRecalculation: '[S4] step 4h partitions by chart only; [S5] "Other tools"',
    twoOfThreeCrossesRecalculation: '[S4] step 4i partitions by [PartitionIDExcludeGhosting]',
    minimumPoints: '[S4] @SettingMinimumPoints = 13 (v2.6); step 6 blanks limits and special cause',
    shortPhaseWarningBelow: '[S4] @SettingMinimumPointsPartition = 12 (warning only)',
    minimumBaselinePoints: '[S4] @SettingMinimumPointsPartition = 12: a baseline is a partition',
    icons: '[S4] step 4k',
    assuranceOnLimit: '[S4] step 4k and changelog 2.1: a target on a limit is pass or fail',
    baselineWithRecalculation:
      '[S4] step 4c/4e: the partition after the baseline takes its lines; later recalculations still apply',
    excludedPoints: '[S4] ghosting: ghosted points are in no mean, moving range or rule',
    undefinedPoints:
      '[S4] step 4e: a NULL value leaves the moving ranges beside it NULL (LAG is not bridged)',
  },
};

const ptd: SpcProfile = {
  name: 'ptd',
  reference: 'NHSRplotthedots 0.2.2 defaults (R, NHS-R Community)',
  charts: ['xmr'],
  excludes: false,
  parameters: {
    ...mdc.parameters,
    movingRangeScreening: 'strict',
    shiftPoints: 7,
    trendPoints: 7,
    conflict: 'ptd-precedence',
    shiftCrossesRecalculation: false,
    trendCrossesRecalculation: false,
    twoOfThreeCrossesRecalculation: false,
    minimumPoints: 0,
    shortPhaseWarningBelow: 13,
    minimumBaselinePoints: 12,
    assuranceOnLimit: 'hit-or-miss',
    baselineWithRecalculation: 'each-phase',
    undefinedPoints: 'gap',
  },
  sources: {
    individualsSigma: '[S2] ptd_spc_standard(): limit <- 2.66; limitclose <- 2 * (limit / 3)',
    movingRangeScreening: '[S2] screen_outliers = TRUE: keeps mr < 3.267 * amr',
    shiftRule: '[S2] ptd_seven_point_one_side_mean()',
    shiftPoints: '[S2] hard-coded 7 (issue #202 for 6 is open)',
    centreLinePoints: '[S2] the sign must be equal and non-zero',
    trendPoints: '[S2] ptd_seven_point_trend(): hard-coded 7',
    trendTies: '[S2] every step sign must be +1 (or −1)',
    twoOfThree: '[S2] close_to_limits excludes points outside the limits',
    runsTest: '[S2] has no runs test',
    conflict: '[S2] ptd_special_cause_type(): outside limits > trend > two-in-three > shift',
    shiftCrossesRecalculation: '[S2] ptd_calculate_point_type() groups by rebase group',
    trendCrossesRecalculation: '[S2] ptd_calculate_point_type() groups by rebase group',
    twoOfThreeCrossesRecalculation: '[S2] ptd_calculate_point_type() groups by rebase group',
    minimumPoints: '[S2] limits are always computed',
    shortPhaseWarningBelow: '[S2] ptd_add_short_group_warnings(): threshold 13',
    minimumBaselinePoints: '[S2] ptd_spc_options(): fix_after_n_points must be at least 12',
    icons: '[S2] geom_ptd_icon.R',
    assuranceOnLimit: '[S2] ptd_calculate_assurance_type(): strict comparisons, else inconsistent',
    baselineWithRecalculation: '[S2] fix_after_n_points applies inside every rebase group (issue #93)',
    excludedPoints: '[S2] has no exclusion; exclusions follow the MDC SQL ghosting [S4]',
    undefinedPoints: '[S2] mean(na.rm = TRUE); abs(diff()) leaves the moving ranges beside NA missing',
  },
};

const ihi: SpcProfile = {
  name: 'ihi',
  reference: 'Perla, Provost & Murray 2011 run chart rules (BMJ Qual Saf 20:46–51)',
  charts: ['run'],
  excludes: false,
  parameters: {
    individualsSigma: 'mr-times-2.66',
    movingRangeScreening: 'none',
    shiftRule: 'fixed',
    shiftPoints: 6,
    centreLinePoints: 'skip',
    trendPoints: 5,
    trendTies: 'skip',
    twoOfThree: 'off',
    runsTest: 'ihi-table',
    conflict: 'improvement',
    shiftCrossesRecalculation: false,
    trendCrossesRecalculation: false,
    twoOfThreeCrossesRecalculation: false,
    minimumPoints: 0,
    shortPhaseWarningBelow: 10,
    minimumBaselinePoints: 10,
    icons: false,
    assuranceOnLimit: 'pass-fail',
    baselineWithRecalculation: 'recalculation-wins',
    excludedPoints: 'limits-only',
    undefinedPoints: 'bridge',
  },
  sources: {
    individualsSigma: 'unused by a run chart (IHI has no limits)',
    movingRangeScreening: 'unused by a run chart',
    shiftRule: '[S1] rule 1',
    shiftPoints: '[S1] rule 1: six or more consecutive points',
    centreLinePoints: '[S1] points on the median neither add to nor break a shift',
    trendPoints: '[S1] rule 2: five or more points all going up or down',
    trendTies: '[S1] rule 2: like values neither make nor break a trend',
    twoOfThree: '[S1] has no sigma rules',
    runsTest: '[S1] rule 3 with Table 1 (10–60 useful observations)',
    conflict: '[S1] does not classify; improvement chosen as in the MDC tool',
    shiftCrossesRecalculation: '[S1] a new median starts a new analysis',
    trendCrossesRecalculation: '[S1] a new median starts a new analysis',
    twoOfThreeCrossesRecalculation: 'unused',
    minimumPoints: '[S1] no minimum for rules 1–2; rule 3 needs 10 useful observations',
    shortPhaseWarningBelow:
      '[S1] gives no warning; ours: Provost & Murray ask about 10 points before a shift or the runs can be judged [S12], and Table 1 starts at 10',
    minimumBaselinePoints:
      '[S1] Table 1 starts at 10 useful observations; [S12] about 10 points for a baseline median',
    icons: '[S1] has no icons',
    assuranceOnLimit: 'unused without icons',
    baselineWithRecalculation: 'baseline median as qicharts2 freeze, ignored with parts [S3]',
    excludedPoints: 'as qicharts2 exclude [S3]',
    undefinedPoints: '[S1] has no missing values; a missing period is skipped like a point on the median',
  },
};

const qic: SpcProfile = {
  name: 'qic',
  reference: 'qicharts2 0.8.1 with the Anhøj rules (attached: qic.screenedmr = TRUE)',
  charts: ['run', 'xmr', 'p', 'pprime', 'u', 'c'],
  excludes: true,
  parameters: {
    ...ihi.parameters,
    individualsSigma: 'mr-over-1.128',
    movingRangeScreening: 'strict',
    shiftRule: 'anhoej',
    centreLinePoints: 'skip',
    trendPoints: 0,
    runsTest: 'anhoej',
    undefinedPoints: 'gap',
  },
  sources: {
    individualsSigma: '[S3] qic.i(): stdev <- amr / 1.128; cl ± 3 * stdev',
    movingRangeScreening: '[S3] .onAttach sets qic.screenedmr = TRUE; keeps mr < 3.267 * amr',
    shiftRule: '[S3] runs.analysis(): longest run > round(log2(n.useful)) + 3',
    shiftPoints: 'unused: the Anhøj limit depends on the number of useful observations',
    centreLinePoints: '[S3] runs.analysis() drops points on the centre line',
    trendPoints: '[S3] has no trend rule',
    trendTies: 'unused',
    twoOfThree: '[S3] applies only the 3-sigma rule and the two Anhøj rules',
    runsTest: '[S3] crsignal(method = "anhoej")',
    conflict: '[S3] does not classify; improvement chosen as in the MDC tool',
    shiftCrossesRecalculation: '[S3] each part is analysed on its own',
    trendCrossesRecalculation: 'unused',
    twoOfThreeCrossesRecalculation: 'unused',
    minimumPoints: '[S3] no minimum',
    shortPhaseWarningBelow:
      '[S3] gives no warning; ours: its vignette applies the Anhøj rules from 10 points',
    minimumBaselinePoints: '[S3] vignette: the runs rules apply to charts of 10 points or more (freeze)',
    icons: '[S3] has no icons',
    assuranceOnLimit: 'unused without icons',
    baselineWithRecalculation: '[S3] qic(): freeze is ignored when part is given',
    excludedPoints: '[S3] excluded points are still tested against the limits (sigma.signal)',
    undefinedPoints: '[S3] missing values stay in diff(), so the moving ranges beside them are NA',
  },
};

export const PROFILES: Readonly<Record<ProfileName, SpcProfile>> = {
  mdc,
  'mdc-sql': mdcSql,
  ptd,
  ihi,
  qic,
};
