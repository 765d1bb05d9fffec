/**
 * The JSON Schema of an SPC request, built from the same lists and domains
 * validateSpcRequest() checks against (fields, chart types, profiles,
 * directions, parameter domains, point fields, the point limit), so the API
 * document cannot drift from the validation. It states the shape; the rules
 * between fields (a numerator within its denominator, point numbers within
 * the series, one kind of point per series) are the validator's alone and
 * are described in the text.
 */
import { PARAMETER_DOMAINS } from './spc-parameters';
import { CHART_TYPES, IMPROVEMENT_DIRECTIONS, PROFILE_NAMES } from './spc-types';
import { MAX_POINTS, POINT_FIELDS } from './validate-points';
import { REQUEST_FIELDS } from './validate-spc-request';

type Schema = Record<string, unknown>;

/** OpenAPI 3.0: `nullable` does not let null through an `enum` that does not list it. */
const nullable = (schema: Schema): Schema => ({
  ...schema,
  nullable: true,
  ...(Array.isArray(schema.enum) ? { enum: [...schema.enum, null] } : {}),
});
const finite: Schema = { type: 'number' };
const pointNumbers = (description: string): Schema =>
  nullable({ type: 'array', items: { type: 'integer' }, description });

function parameterSchema(domain: (typeof PARAMETER_DOMAINS)[keyof typeof PARAMETER_DOMAINS]): Schema {
  switch (domain.kind) {
    case 'enum':
      return { type: 'string', enum: [...domain.values] };
    case 'boolean':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer', minimum: domain.min };
  }
}

const POINT_DESCRIPTIONS: Record<(typeof POINT_FIELDS)[number], string> = {
  date: 'Label of the period (any text, e.g. 2024-03)',
  value: 'The measurement (run and XmR charts; a count for C charts)',
  numerator: 'Count of successes or events (with a denominator: p, pprime and u charts)',
  denominator: 'Count of cases or exposure',
};

export function spcRequestSchema(): Schema {
  const properties: Record<(typeof REQUEST_FIELDS)[number], Schema> = {
    chart: { type: 'string', enum: [...CHART_TYPES] },
    profile: { type: 'string', enum: [...PROFILE_NAMES], description: 'The rule profile (see above)' },
    points: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_POINTS,
      description:
        'Each point a value, or a numerator over a denominator (never both, and one kind across the series); counts are never negative, and a proportion’s numerator never exceeds its denominator',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          POINT_FIELDS.map((name) => [
            name,
            nullable({ type: name === 'date' ? 'string' : 'number', description: POINT_DESCRIPTIONS[name] }),
          ]),
        ),
      },
    },
    improvementDirection: nullable({ type: 'string', enum: [...IMPROVEMENT_DIRECTIONS], default: 'neither' }),
    target: nullable({ ...finite, description: 'The target line, if any' }),
    baselinePoints: nullable({
      type: 'integer',
      minimum: 1,
      description: 'Fix the centre and limits after this many points (at most the number of points)',
    }),
    phaseBaselinePoints: nullable({
      type: 'array',
      description:
        "Each phase's own baseline: fix its centre and limits after this many of its points (null: all of them); at most one entry per phase, not with baselinePoints",
      items: nullable({ type: 'integer', minimum: 1 }),
    }),
    valueRange: nullable({
      type: 'object',
      additionalProperties: false,
      description:
        'The range the values can take (e.g. 0 and 100 for a percentage): limits beyond it are drawn at it',
      properties: { lower: nullable(finite), upper: nullable(finite) },
    }),
    recalculateAt: pointNumbers('1-based point numbers (from 2), increasing, that each start a new phase'),
    exclude: pointNumbers('1-based point numbers, increasing, left out of the calculations'),
    multiply: nullable({
      ...finite,
      minimum: 0,
      exclusiveMinimum: true,
      default: 1,
      description: 'Scale for the output (e.g. 100 for %)',
    }),
    overrides: nullable({
      type: 'object',
      additionalProperties: false,
      description: 'Any parameter of the profile, overridden',
      properties: Object.fromEntries(
        Object.entries(PARAMETER_DOMAINS).map(([name, domain]) => [name, parameterSchema(domain)]),
      ),
    }),
  };
  return {
    type: 'object',
    required: ['chart', 'profile', 'points'],
    additionalProperties: false,
    properties,
  };
}
