/**
 * What recorded decisions add to the engine (new request fields, each
 * optional): every phase's own baseline, the range a percentage can take,
 * baselines and phases shorter than each profile's minimum, and proposals of
 * where to recalculate.
 */
import fc from 'fast-check';
import {
  computeChart,
  PROFILE_NAMES,
  PROFILES,
  proposeRecalculations,
  recalculationRule,
  SpcRequest,
  validateSpcRequest,
} from '../../src/analytics';
import { xmr } from './support';

const BEFORE = [45, 55, 40, 50, 35, 60, 45, 50, 40, 55, 45, 50];
const AFTER = [95, 100, 95, 90, 100, 95, 100, 95, 90, 100, 95, 100, 95, 90, 100, 95, 100, 95, 95, 100];
const SERIES = [...BEFORE, ...AFTER];

describe('each phase’s own baseline (phaseBaselinePoints)', () => {
  it('fixes each phase’s lines on its own first points, as charts of those points alone would', () => {
    const result = xmr(SERIES, { recalculateAt: [13], phaseBaselinePoints: [9, 13] });
    // MDC draws no limits under 13 points: the slices are charted without that minimum.
    const first = xmr(SERIES.slice(0, 9), { overrides: { minimumPoints: 0 } });
    const second = xmr(SERIES.slice(12, 25), { overrides: { minimumPoints: 0 } });
    expect(result.points[0].centre).toBeCloseTo(first.points[0].centre as number, 12);
    expect(result.points[11].upper).toBeCloseTo(first.points[0].upper as number, 12);
    expect(result.points[31].centre).toBeCloseTo(second.points[0].centre as number, 12);
    expect(result.points[31].lower).toBeCloseTo(second.points[0].lower as number, 12);
    expect(result.parameters.phaseBaselinePoints).toEqual([9, 13]);
  });

  it('keeps the recalculations whatever the profile’s policy for one baseline (MDC: baseline wins)', () => {
    const single = xmr(SERIES, { recalculateAt: [13], baselinePoints: 9 });
    expect(single.warnings.map((w) => w.code)).toContain('recalculation-ignored');
    const own = xmr(SERIES, { recalculateAt: [13], phaseBaselinePoints: [9] });
    expect(new Set(own.points.map((p) => p.phase))).toEqual(new Set([1, 2]));
    expect(own.warnings.map((w) => w.code)).not.toContain('recalculation-ignored');
  });

  it('leaves a request without it exactly as it was: no new parameter in the answer', () => {
    const result = xmr(SERIES, { recalculateAt: [13] });
    expect(result.parameters).not.toHaveProperty('phaseBaselinePoints');
    expect(result.parameters).not.toHaveProperty('valueRange');
  });

  it.each([
    [{ baselinePoints: 5, phaseBaselinePoints: [5] }, 'phaseBaselinePoints', 'exclusive-with-baselinePoints'],
    [{ phaseBaselinePoints: [5, 5] }, 'phaseBaselinePoints', 'more-than-phases'],
    [{ recalculateAt: [13], phaseBaselinePoints: [13, null] }, 'phaseBaselinePoints/0', 'out-of-range'],
    [{ phaseBaselinePoints: [2.5] }, 'phaseBaselinePoints/0', 'integer'],
    [{ phaseBaselinePoints: 5 }, 'phaseBaselinePoints', 'type'],
  ])('refuses %p, naming %s and the rule %s', (extra, field, rule) => {
    const checked = validateSpcRequest({
      chart: 'xmr',
      profile: 'mdc',
      points: SERIES.map((value) => ({ value })),
      ...extra,
    });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.errors).toEqual([expect.objectContaining({ field, rule })]);
  });
});

describe('the range the values can take (valueRange)', () => {
  const range = { valueRange: { lower: 0, upper: 100 } };

  it('reports limits beyond the range at its edge, and says so with the calculated values', () => {
    const open = xmr(SERIES, { recalculateAt: [13] });
    const bounded = xmr(SERIES, { recalculateAt: [13], ...range });
    expect(open.points[20].upper).toBeGreaterThan(100);
    expect(bounded.points[20].upper).toBe(100);
    const clamped = bounded.warnings.filter((w) => w.code === 'limits-clamped');
    expect(clamped).toHaveLength(1);
    expect(clamped[0].message).toContain(
      `upper limit ${Math.round((open.points[20].upper as number) * 100) / 100}`,
    );
  });

  it('changes no rule, variation or icon: no value lies beyond the range', () => {
    for (const profile of PROFILE_NAMES) {
      const chart = profile === 'ihi' ? 'run' : 'xmr';
      const request: SpcRequest = {
        chart,
        profile,
        points: SERIES.map((value) => ({ value })),
        recalculateAt: [13],
        improvementDirection: 'increase',
        target: 95,
      };
      const [open, bounded] = [computeChart(request), computeChart({ ...request, ...range })];
      expect(bounded.points.map((p) => [p.rules, p.variation])).toEqual(
        open.points.map((p) => [p.rules, p.variation]),
      );
      expect(bounded.icons).toEqual(open.icons);
    }
  });

  it('refuses an empty range and a range that is not numbers', () => {
    const base = { chart: 'xmr', profile: 'mdc', points: [{ value: 1 }] };
    const empty = validateSpcRequest({ ...base, valueRange: { lower: 100, upper: 0 } });
    expect(!empty.ok && empty.errors).toEqual([
      expect.objectContaining({ field: 'valueRange', rule: 'empty-range' }),
    ]);
    const text = validateSpcRequest({ ...base, valueRange: { lower: '0', upper: 100 } });
    expect(!text.ok && text.errors).toEqual([
      expect.objectContaining({ field: 'valueRange/lower', rule: 'type' }),
    ]);
  });
});

describe('baselines and phases shorter than each profile’s minimum', () => {
  it.each(PROFILE_NAMES.map((name) => [name, PROFILES[name].parameters.minimumBaselinePoints]))(
    '%s warns below %i baseline points, and not at it',
    (profile, minimum) => {
      const chart = profile === 'ihi' ? 'run' : 'xmr';
      const points = SERIES.map((value) => ({ value }));
      const short = computeChart({ chart, profile, points, phaseBaselinePoints: [minimum - 1] });
      const enough = computeChart({ chart, profile, points, phaseBaselinePoints: [minimum] });
      expect(short.warnings.map((w) => w.code)).toContain('baseline-too-short');
      expect(enough.warnings.map((w) => w.code)).not.toContain('baseline-too-short');
    },
  );

  it('has a minimum for every profile, from its source', () => {
    expect(
      Object.fromEntries(PROFILE_NAMES.map((n) => [n, PROFILES[n].parameters.minimumBaselinePoints])),
    ).toEqual({
      mdc: 13,
      'mdc-sql': 12,
      ptd: 12,
      ihi: 10,
      qic: 10,
    });
  });

  it('warns about a phase shorter than the profile’s minimum, under MDC as under ptd', () => {
    const codes = xmr(SERIES, { recalculateAt: [13] }).warnings.map((w) => w.code);
    expect(codes.filter((c) => c === 'short-phase')).toHaveLength(1);
  });
});

describe('proposals to recalculate (proposeRecalculations)', () => {
  const request = {
    chart: 'xmr' as const,
    profile: 'mdc' as const,
    points: SERIES.map((value, i) => ({ date: `p${i + 1}`, value })),
    improvementDirection: 'increase' as const,
    phaseBaselinePoints: [9],
  };

  it('proposes where MDC’s shift has lasted 13 points, from its first point, applying nothing', () => {
    const { rule, proposals } = proposeRecalculations(request);
    expect(rule).toMatchObject({ shiftPoints: 6, sustainedPoints: 13 });
    expect(rule.confirm).toHaveLength(2);
    expect(proposals).toEqual([
      {
        n: 13,
        date: 'p13',
        phase: 1,
        side: 'above',
        variation: 'improvement',
        runLength: 20,
        centre: expect.any(Number),
      },
    ]);
    expect(computeChart(request).points.every((p) => p.phase === 1)).toBe(true);
  });

  it('proposes nothing once the recalculation is recorded, nor for a shift too short to be sustained', () => {
    expect(
      proposeRecalculations({ ...request, recalculateAt: [13], phaseBaselinePoints: [9, null] }).proposals,
    ).toEqual([]);
    const brief = [...BEFORE, ...AFTER.slice(0, 10), ...BEFORE];
    expect(
      proposeRecalculations({ ...request, points: brief.map((value) => ({ value })) }).proposals,
    ).toEqual([]);
  });

  it('leaves the change in progress in the old phase: the new phase starts nearer its own centre', () => {
    const ramp = [...BEFORE, 55, 70, ...AFTER];
    const [proposal] = proposeRecalculations({
      ...request,
      points: ramp.map((value) => ({ value })),
    }).proposals;
    expect(proposal.n).toBe(15);
  });

  // The simulator relies on this to skip the days before a proposal is possible (scripts/simulator/plan).
  it('never proposes a run shorter than its rule’s sustained points, a rule known from the options alone', () => {
    // Each profile's shift and minimum baseline, from its source (profiles.ts): the run must last the longer.
    const sustained = { mdc: 13, 'mdc-sql': 12, ptd: 12, qic: 10, ihi: 10 } as const;
    const shifted = fc.record({
      before: fc.array(fc.integer({ min: 30, max: 50 }), { minLength: 1, maxLength: 25, size: 'max' }),
      after: fc.array(fc.option(fc.integer({ min: 75, max: 100 }), { freq: 10 }), {
        minLength: 0,
        maxLength: 40,
        size: 'max',
      }),
      profile: fc.constantFrom(...(Object.keys(sustained) as Array<keyof typeof sustained>)),
      baseline: fc.option(fc.integer({ min: 1, max: 15 })),
      recalculatedAt: fc.option(fc.integer({ min: 2, max: 20 }), { freq: 2 }),
    });
    let proposed = 0;
    fc.assert(
      fc.property(shifted, ({ before, after, profile, baseline, recalculatedAt }) => {
        const values = [...before, ...after];
        const at = recalculatedAt !== null && recalculatedAt <= values.length ? [recalculatedAt] : [];
        const firstPhase = at.length > 0 ? at[0] - 1 : values.length;
        const asked: SpcRequest = {
          ...request,
          profile,
          points: values.map((value) => ({ value })),
          recalculateAt: at,
          phaseBaselinePoints:
            baseline === null ? null : [Math.min(baseline, before.length, firstPhase), ...at.map(() => null)],
        };
        const { rule, proposals } = proposeRecalculations(asked);
        expect(rule.sustainedPoints).toBe(sustained[profile]);
        expect(recalculationRule({ ...asked, points: [] })).toEqual(rule);
        for (const proposal of proposals) {
          proposed++;
          expect(values.length - proposal.n + 1).toBeGreaterThanOrEqual(rule.sustainedPoints);
          expect(proposal.runLength).toBeGreaterThanOrEqual(rule.sustainedPoints);
        }
      }),
      { numRuns: 300, seed: 20261207 },
    );
    // The property held on proposals, not only on charts that had none.
    expect(proposed).toBeGreaterThan(30);
  });

  it('reads a deterioration as concern, and follows each profile’s shift (ptd 7, qic Anhøj)', () => {
    const worse = [...AFTER.slice(0, 12), ...BEFORE, ...BEFORE];
    const [proposal] = proposeRecalculations({
      ...request,
      points: worse.map((value) => ({ value })),
      phaseBaselinePoints: null,
    }).proposals;
    expect(proposal).toMatchObject({ n: 13, side: 'below', variation: 'concern' });
    expect(proposeRecalculations({ ...request, profile: 'ptd' }).rule).toMatchObject({
      shiftPoints: 7,
      sustainedPoints: 12,
    });
    expect(proposeRecalculations({ ...request, profile: 'qic' }).proposals[0]).toMatchObject({ n: 13 });
  });
});
