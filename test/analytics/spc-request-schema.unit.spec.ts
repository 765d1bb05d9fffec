import Ajv from 'ajv';
import fc from 'fast-check';
import { CHART_TYPES, PARAMETER_DOMAINS, PROFILE_NAMES, validateSpcRequest } from '../../src/analytics';
import { spcRequestSchema } from '../../src/analytics/spc-request-schema';

/** OpenAPI 3.0 says an exclusive bound with a boolean beside `minimum`; JSON Schema (ajv) with the bound itself. */
function asJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const { minimum, exclusiveMinimum, ...rest } = node as Record<string, unknown>;
  const out = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, asJsonSchema(value)]));
  if (exclusiveMinimum === true) return { ...out, exclusiveMinimum: minimum };
  return minimum === undefined ? out : { ...out, minimum };
}

const ajv = new Ajv({ allErrors: true, strict: false });
const schemaAccepts = ajv.compile(asJsonSchema(spcRequestSchema()) as object);

/** Requests near the valid ones: right and wrong enums, kinds of points, extra fields, odd types. */
const point = fc.oneof(
  fc.record({ value: fc.double({ noNaN: true, min: -1e6, max: 1e6 }) }),
  fc.record({ numerator: fc.integer({ min: -2, max: 50 }), denominator: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ date: fc.oneof(fc.string(), fc.integer()), value: fc.double({ noNaN: true }) }),
  fc.record({ value: fc.constant(1), colour: fc.constant('red') }),
  fc.constant('not a point'),
);
const request = fc.record(
  {
    chart: fc.oneof(fc.constantFrom(...CHART_TYPES), fc.constant('pie'), fc.constant(3)),
    profile: fc.oneof(fc.constantFrom(...PROFILE_NAMES), fc.constant('nhs')),
    points: fc.oneof(fc.array(point, { minLength: 0, maxLength: 30 }), fc.constant({})),
    improvementDirection: fc.constantFrom('increase', 'decrease', 'neither', 'up', null),
    target: fc.oneof(fc.double({ noNaN: true, min: -10, max: 10 }), fc.constant('high'), fc.constant(null)),
    baselinePoints: fc.oneof(fc.integer({ min: -1, max: 40 }), fc.constant(2.5)),
    recalculateAt: fc.oneof(fc.array(fc.integer({ min: 0, max: 35 }), { maxLength: 3 }), fc.constant('3')),
    exclude: fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 3 }),
    multiply: fc.oneof(fc.constant(100), fc.constant(0), fc.constant(-1)),
    overrides: fc.oneof(
      fc.constant({}),
      fc.constant({ shiftPoints: 7, icons: false, runsTest: 'anhoej' }),
      fc.constant({ shiftPoints: 1 }),
      fc.constant({ runsTest: 'sometimes' }),
      fc.constant({ noSuchParameter: true }),
    ),
    extra: fc.constant('field'),
  },
  { requiredKeys: [] },
);

describe('the SPC request schema in /openapi.json', () => {
  it('accepts every request the validator accepts, and the validator refuses every request it refuses', () => {
    fc.assert(
      fc.property(request, (body) => {
        const valid = validateSpcRequest(body).ok;
        if (valid) expect(schemaAccepts(body)).toBe(true);
        if (!schemaAccepts(body)) expect(valid).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });

  it.each([
    ['an unknown field', { chart: 'xmr', profile: 'mdc', points: [{ value: 1 }], colour: 'red' }],
    ['an unknown chart', { chart: 'pie', profile: 'mdc', points: [{ value: 1 }] }],
    ['a missing profile', { chart: 'xmr', points: [{ value: 1 }] }],
    ['no points', { chart: 'xmr', profile: 'mdc', points: [] }],
    ['an unknown point field', { chart: 'xmr', profile: 'mdc', points: [{ value: 1, colour: 'red' }] }],
    ['an unknown parameter', { chart: 'xmr', profile: 'mdc', points: [{ value: 1 }], overrides: { x: 1 } }],
    [
      'a parameter out of its domain',
      { chart: 'xmr', profile: 'mdc', points: [{ value: 1 }], overrides: { shiftPoints: 1 } },
    ],
  ])('refuses %s, as the validator does', (_what, body) => {
    expect(validateSpcRequest(body).ok).toBe(false);
    expect(schemaAccepts(body)).toBe(false);
  });

  it('accepts null wherever the validator takes it as absent, enums included', () => {
    const body = {
      chart: 'xmr',
      profile: 'mdc',
      points: [{ value: 1, date: null }],
      improvementDirection: null,
      target: null,
      baselinePoints: null,
      recalculateAt: null,
      exclude: null,
      multiply: null,
      overrides: null,
    };
    expect(validateSpcRequest(body).ok).toBe(true);
    expect(schemaAccepts(body)).toBe(true);
  });

  it('documents every parameter of every profile', () => {
    const overrides = (spcRequestSchema().properties as Record<string, { properties: object }>).overrides;
    expect(Object.keys(overrides.properties).sort()).toEqual(Object.keys(PARAMETER_DOMAINS).sort());
  });
});
