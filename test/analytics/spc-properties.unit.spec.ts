/** Properties that must hold for any data, checked with fast-check on generated series. */
import fc from 'fast-check';
import { computeChart, SpcRequest, SpcResult } from '../../src/analytics';

const integers = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 60 });
const xmrProfiles = fc.constantFrom('mdc', 'mdc-sql', 'ptd', 'qic' as const);
const proportions = fc.array(
  fc
    .integer({ min: 0, max: 5000 })
    .chain((denominator) =>
      fc.integer({ min: 0, max: denominator }).map((numerator) => ({ numerator, denominator })),
    ),
  { minLength: 1, maxLength: 60 },
);

const chart = (values: number[], request: Partial<SpcRequest>): SpcResult =>
  computeChart({
    chart: 'xmr',
    profile: 'mdc',
    points: values.map((value) => ({ value })),
    overrides: { minimumPoints: 0 },
    ...request,
  });

/** A value within rounding of one of its lines may legitimately change side when everything moves. */
function hasNearTie(result: SpcResult): boolean {
  return result.points.some((p) =>
    [p.centre, p.lower, p.upper, p.lowerTwoSigma, p.upperTwoSigma].some(
      (line) => p.y !== null && line !== null && Math.abs(p.y - line) <= 1e-9 * (1 + Math.abs(p.y)),
    ),
  );
}

describe('XmR properties', () => {
  it('limits and two-sigma lines are symmetric about the centre line', () => {
    fc.assert(
      fc.property(integers, xmrProfiles, (values, profile) => {
        for (const p of chart(values, { profile }).points) {
          if (p.centre === null || p.upper === null || p.lower === null) continue;
          const tolerance = 1e-12 * (1 + Math.abs(p.centre) + Math.abs(p.upper));
          expect(Math.abs(p.upper - p.centre - (p.centre - p.lower))).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(p.upperTwoSigma! - p.centre - (p.centre - p.lowerTwoSigma!))).toBeLessThanOrEqual(
            tolerance,
          );
        }
      }),
    );
  });

  it('adding a constant moves centre and limits by it and changes no rule or classification', () => {
    fc.assert(
      fc.property(
        integers,
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.constantFrom('mdc', 'mdc-sql', 'ptd', 'qic', 'ihi' as const),
        fc.constantFrom('increase', 'decrease', 'neither' as const),
        (values, constant, profile, improvementDirection) => {
          const type = profile === 'ihi' ? 'run' : 'xmr';
          const before = chart(values, { profile, improvementDirection, chart: type });
          const after = chart(
            values.map((v) => v + constant),
            { profile, improvementDirection, chart: type },
          );
          fc.pre(!hasNearTie(before) && !hasNearTie(after));
          before.points.forEach((p, i) => {
            const q = after.points[i];
            for (const line of ['centre', 'lower', 'upper'] as const) {
              if (p[line] === null) expect(q[line]).toBeNull();
              else expect(q[line]! - constant).toBeCloseTo(p[line]!, 6);
            }
            expect(q.rules).toEqual(p.rules);
            expect(q.variation).toBe(p.variation);
          });
          expect(after.icons).toEqual(before.icons);
          expect(after.runs).toEqual(before.runs);
        },
      ),
    );
  });

  it('reversing the improvement direction swaps improvement and concern', () => {
    const swap = {
      improvement: 'concern',
      concern: 'improvement',
      neither: 'neither',
      'common-cause': 'common-cause',
    };
    fc.assert(
      fc.property(integers, fc.constantFrom('mdc', 'ptd', 'qic', 'ihi' as const), (values, profile) => {
        const type = profile === 'ihi' ? 'run' : 'xmr';
        const up = chart(values, { profile, chart: type, improvementDirection: 'increase' });
        const down = chart(values, { profile, chart: type, improvementDirection: 'decrease' });
        // A point with both an improvement and a concern hit is settled by the conflict rule,
        // which prefers improvement whatever the direction (MDC): those points are left out.
        const concernWins = chart(values, {
          profile,
          chart: type,
          improvementDirection: 'increase',
          overrides: { minimumPoints: 0, conflict: 'concern' },
        });
        up.points.forEach((p, i) => {
          if (profile !== 'ptd' && concernWins.points[i].variation !== p.variation) return;
          expect(down.points[i].variation).toBe(swap[p.variation]);
        });
      }),
    );
  });
});

describe('proportion charts', () => {
  it('P and P′ limits stay within [0, 1] and p̄ is Σ numerators / Σ denominators', () => {
    fc.assert(
      fc.property(proportions, fc.constantFrom('p', 'pprime' as const), (points, type) => {
        const result = computeChart({ chart: type, profile: 'qic', points });
        const total = points.reduce((s, p) => s + p.denominator, 0);
        const pBar = points.reduce((s, p) => s + p.numerator, 0) / total;
        for (const p of result.points) {
          if (total > 0) expect(p.centre).toBe(pBar);
          for (const line of [p.lower, p.upper, p.lowerTwoSigma, p.upperTwoSigma]) {
            if (line === null) continue;
            expect(line).toBeGreaterThanOrEqual(0);
            expect(line).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });
});
