/**
 * qicharts2 0.8.1's own stored test outputs (tests/testthat/*.rds): I, MR, P with part and
 * exclude, C with freeze and exclude, U with multiply, and a U chart summary. The profile
 * `qic` must give the same centre lines, limits, sigma signals and runs analysis.
 */
import { computeChart, SpcRequest } from '../../src/analytics';
import {
  EX_6_5_MOVING_RANGES,
  HAI_MONTHLY,
  HAI_SUMMARY,
  QIC_REFERENCES,
  QicReference,
} from './fixtures/qicharts2-references';
import { expectSameDouble, flagged } from './support';

function requestFor(reference: QicReference): SpcRequest {
  const points = reference.values
    ? reference.values.map((value) => ({ value }))
    : reference.numerators!.map((numerator, i) => ({ numerator, denominator: reference.denominators![i] }));
  return {
    chart: reference.chart,
    profile: 'qic',
    points,
    baselinePoints: reference.baselinePoints ?? null,
    recalculateAt: reference.recalculateAt ?? [],
    exclude: reference.exclude ?? [],
    multiply: reference.multiply ?? null,
  };
}

describe.each(QIC_REFERENCES.map((r) => [r.name, r]))('qicharts2 %s', (_, reference) => {
  const result = computeChart(requestFor(reference));
  const { expected } = reference;

  it(`values, centre lines and limits equal ${reference.source}`, () => {
    result.points.forEach((point, i) => {
      expectSameDouble(point.y, expected.y[i]);
      expectSameDouble(point.centre, expected.cl[i]);
      expectSameDouble(point.lower, expected.lcl[i]);
      expectSameDouble(point.upper, expected.ucl[i]);
    });
  });

  it('flags the same sigma signals (excluded points are still tested)', () => {
    expect(flagged(result, 'outside-limits')).toEqual(expected.sigmaSignal);
  });

  it('has the same runs analysis in every part', () => {
    expect(
      result.runs.map((r) => ({
        nUseful: r.usefulObservations,
        longestRun: r.longestRun,
        longestRunMax: r.longestRunLimit,
        nCrossings: r.crossings,
        nCrossingsMin: r.crossingsLimit,
        runsSignal: r.signal,
      })),
    ).toEqual(reference.parts);
  });
});

describe('qicharts2 MR chart of Example 6.5 (ex_6.5_4.rds)', () => {
  it('moving ranges point by point', () => {
    const reference = QIC_REFERENCES[0];
    const result = computeChart(requestFor({ ...reference, baselinePoints: undefined }));
    expect(result.points.map((p) => p.movingRange)).toEqual(EX_6_5_MOVING_RANGES);
  });
});

describe('qicharts2 hospital infections U chart summary (test_hai.R → hai_1.rds)', () => {
  const result = computeChart({ chart: 'u', profile: 'qic', points: HAI_MONTHLY });
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

  it('runs analysis', () => {
    const [runs] = result.runs;
    expect([runs.usefulObservations, runs.longestRun, runs.longestRunLimit]).toEqual([
      HAI_SUMMARY.nUseful,
      HAI_SUMMARY.longestRun,
      HAI_SUMMARY.longestRunMax,
    ]);
    expect([runs.crossings, runs.crossingsLimit, runs.signal]).toEqual([
      HAI_SUMMARY.nCrossings,
      HAI_SUMMARY.nCrossingsMin,
      HAI_SUMMARY.runsSignal,
    ]);
    expect(flagged(result, 'outside-limits')).toHaveLength(HAI_SUMMARY.sigmaSignals);
  });

  it('centre line and average limits (monthly sums differ from R’s long-double sums in the last bits)', () => {
    expectSameDouble(result.points[0].centre, HAI_SUMMARY.CL, 1e-13);
    expectSameDouble(mean(result.points.map((p) => p.lower as number)), HAI_SUMMARY.aLCL, 1e-13);
    expectSameDouble(mean(result.points.map((p) => p.upper as number)), HAI_SUMMARY.aUCL, 1e-13);
  });
});
