/** Every "bad input" rule of POST /v1/analytics/spc, each naming its field. */
import { computeChart, MAX_POINTS, SpcValidationError, validateSpcRequest } from '../../src/analytics';

const valid = { chart: 'xmr', profile: 'mdc', points: [{ value: 1 }, { value: 2 }, { value: 3 }] };
const errorsOf = (input: unknown) => {
  const result = validateSpcRequest(input);
  return result.ok ? [] : result.errors.map(({ field, rule }) => ({ field, rule }));
};

describe('validateSpcRequest', () => {
  it('accepts a valid request and returns a clean copy with defaults', () => {
    const result = validateSpcRequest({ ...valid, points: [{ date: '2024-01', value: 1 }, { value: null }] });
    expect(result).toEqual({
      ok: true,
      value: {
        chart: 'xmr',
        profile: 'mdc',
        points: [{ date: '2024-01', value: 1 }, {}],
        improvementDirection: 'neither',
        target: null,
        baselinePoints: null,
        recalculateAt: [],
        exclude: [],
        multiply: 1,
        overrides: {},
      },
    });
  });

  it.each([
    ['a non-object body', 'nope', [{ field: '', rule: 'type' }]],
    ['an unknown chart', { ...valid, chart: 'xbar' }, [{ field: 'chart', rule: 'unknown-chart' }]],
    ['an unknown profile', { ...valid, profile: 'wheeler' }, [{ field: 'profile', rule: 'unknown-profile' }]],
    ['a missing chart', { profile: 'mdc', points: valid.points }, [{ field: 'chart', rule: 'required' }]],
    ['an unknown field', { ...valid, colour: 'blue' }, [{ field: 'colour', rule: 'unknown-field' }]],
    ['points that are not an array', { ...valid, points: {} }, [{ field: 'points', rule: 'type' }]],
    ['no points', { ...valid, points: [] }, [{ field: 'points', rule: 'empty' }]],
    [
      'a point with a value and a ratio',
      { ...valid, points: [{ value: 1, numerator: 1, denominator: 2 }] },
      [{ field: 'points/0', rule: 'mixed-value-and-ratio' }],
    ],
    [
      'value points mixed with ratio points',
      { ...valid, points: [{ value: 0.5 }, { value: 0.4 }, { numerator: 1, denominator: 2 }] },
      [{ field: 'points/2', rule: 'mixed-value-and-ratio' }],
    ],
    [
      'a negative count',
      { ...valid, chart: 'p', points: [{ numerator: -1, denominator: 5 }] },
      [{ field: 'points/0/numerator', rule: 'negative' }],
    ],
    [
      'a negative denominator',
      { ...valid, chart: 'u', points: [{ numerator: 1, denominator: -5 }] },
      [{ field: 'points/0/denominator', rule: 'negative' }],
    ],
    [
      'a negative c-chart count',
      { ...valid, chart: 'c', points: [{ value: -2 }] },
      [{ field: 'points/0/value', rule: 'negative' }],
    ],
    [
      'a numerator above its denominator',
      {
        ...valid,
        chart: 'p',
        points: [
          { numerator: 5, denominator: 2 },
          { numerator: 3, denominator: 4 },
        ],
      },
      [{ field: 'points/0/numerator', rule: 'numerator-exceeds-denominator' }],
    ],
    [
      'a positive numerator over a zero denominator',
      { ...valid, chart: 'p', points: [{ numerator: 1, denominator: 0 }] },
      [{ field: 'points/0/denominator', rule: 'numerator-over-zero-denominator' }],
    ],
    [
      'a numerator without its denominator',
      { ...valid, points: [{ numerator: 1 }] },
      [{ field: 'points/0/denominator', rule: 'required' }],
    ],
    [
      'a non-finite number',
      { ...valid, points: [{ value: Infinity }] },
      [{ field: 'points/0/value', rule: 'not-finite' }],
    ],
    ['NaN', { ...valid, points: [{ value: NaN }] }, [{ field: 'points/0/value', rule: 'not-finite' }]],
    [
      'a string for a number',
      { ...valid, points: [{ value: '3' }] },
      [{ field: 'points/0/value', rule: 'type' }],
    ],
    ['a non-finite target', { ...valid, target: -Infinity }, [{ field: 'target', rule: 'not-finite' }]],
    [
      'values on a p chart',
      { ...valid, chart: 'p', points: [{ value: 0.3 }] },
      [{ field: 'points/0/value', rule: 'ratio-required' }],
    ],
    [
      'ratios on a c chart',
      { ...valid, chart: 'c', points: [{ numerator: 1, denominator: 2 }] },
      [{ field: 'points/0/numerator', rule: 'value-required' }],
    ],
    [
      'recalculation at point 1',
      { ...valid, recalculateAt: [1] },
      [{ field: 'recalculateAt/0', rule: 'out-of-range' }],
    ],
    [
      'recalculation past the end',
      { ...valid, recalculateAt: [4] },
      [{ field: 'recalculateAt/0', rule: 'out-of-range' }],
    ],
    [
      'recalculations out of order',
      { ...valid, recalculateAt: [3, 2] },
      [{ field: 'recalculateAt/1', rule: 'not-increasing' }],
    ],
    ['a fractional point number', { ...valid, exclude: [1.5] }, [{ field: 'exclude/0', rule: 'integer' }]],
    ['an exclusion out of range', { ...valid, exclude: [0] }, [{ field: 'exclude/0', rule: 'out-of-range' }]],
    [
      'a duplicate exclusion',
      { ...valid, exclude: [2, 2] },
      [{ field: 'exclude/1', rule: 'not-increasing' }],
    ],
    [
      'a baseline longer than the series',
      { ...valid, baselinePoints: 4 },
      [{ field: 'baselinePoints', rule: 'out-of-range' }],
    ],
    [
      'an unknown direction',
      { ...valid, improvementDirection: 'up' },
      [{ field: 'improvementDirection', rule: 'enum' }],
    ],
    ['multiply of zero', { ...valid, multiply: 0 }, [{ field: 'multiply', rule: 'not-positive' }]],
    [
      'an unknown override',
      { ...valid, overrides: { sigma: 3 } },
      [{ field: 'overrides/sigma', rule: 'unknown-parameter' }],
    ],
    [
      'an override outside its values',
      { ...valid, overrides: { twoOfThree: 'sometimes' } },
      [{ field: 'overrides/twoOfThree', rule: 'enum' }],
    ],
    [
      'an override of the wrong type',
      { ...valid, overrides: { icons: 'yes' } },
      [{ field: 'overrides/icons', rule: 'type' }],
    ],
    [
      'a too small override',
      { ...valid, overrides: { shiftPoints: 1 } },
      [{ field: 'overrides/shiftPoints', rule: 'out-of-range' }],
    ],
  ])('rejects %s', (_, input, expected) => {
    expect(errorsOf(input)).toEqual(expected);
  });

  it(`rejects more than ${MAX_POINTS} points`, () => {
    const points = Array.from({ length: MAX_POINTS + 1 }, () => ({ value: 1 }));
    expect(errorsOf({ ...valid, points })).toEqual([{ field: 'points', rule: 'too-many-points' }]);
    expect(errorsOf({ ...valid, points: points.slice(1) })).toEqual([]);
  });

  it('a U chart count may exceed its exposure', () => {
    expect(errorsOf({ ...valid, chart: 'u', points: [{ numerator: 12, denominator: 10 }] })).toEqual([]);
  });

  it('lists every error at once, up to a hundred', () => {
    const points = Array.from({ length: 150 }, () => ({ value: 'x' }));
    const errors = errorsOf({ ...valid, chart: 'pie', points });
    expect(errors).toHaveLength(101);
    expect(errors[0]).toEqual({ field: 'chart', rule: 'unknown-chart' });
    expect(errors[100]).toEqual({ field: '', rule: 'too-many-errors' });
  });

  it('computeChart refuses an invalid request with the same errors', () => {
    const call = () => computeChart({ ...valid, profile: 'nope' } as never);
    expect(call).toThrow(SpcValidationError);
    expect(call).toThrow('profile unknown-profile');
  });
});
