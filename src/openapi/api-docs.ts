import { applyDecorators } from '@nestjs/common';
import { ApiQuery, ApiResponse } from '@nestjs/swagger';

export const PROBLEM_CONTENT = {
  'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
};

/** Documents problem+json answers of a route (the cross-cutting 401/403/429/503 are added to every route). */
export const ApiProblems = (responses: Record<number, string>): MethodDecorator =>
  applyDecorators(
    ...Object.entries(responses).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, content: PROBLEM_CONTENT }),
    ),
  );

/** A 200 answer with its JSON schema. */
export const ApiOk = (
  description: string,
  schema: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) => ApiResponse({ status: 200, description, content: { 'application/json': { schema }, ...extra } });

const DATE_OR_TIME = '^\\d{4}-\\d{2}-\\d{2}(T[\\d:.]+(Z|[+-]\\d{2}:\\d{2}))?$';
const POSITION = '^\\d{1,15}$';

/** The bitemporal bounds and read-your-writes position every read-model query accepts (ReadModelQuery). */
export const ApiBoundsQuery = (): MethodDecorator =>
  applyDecorators(
    ApiQuery({
      name: 'asOf',
      required: false,
      description: 'Business time bound (date or date-time)',
      schema: { type: 'string', pattern: DATE_OR_TIME },
    }),
    ApiQuery({
      name: 'asKnownAt',
      required: false,
      description: 'Knowledge time bound (date or date-time)',
      schema: { type: 'string', pattern: DATE_OR_TIME },
    }),
    ApiQuery({
      name: 'atPosition',
      required: false,
      description: 'Knowledge bound as a global position',
      schema: { type: 'string', pattern: POSITION },
    }),
    ApiQuery({
      name: 'minPosition',
      required: false,
      description: 'Wait until the read model has processed this position',
      schema: { type: 'string', pattern: POSITION },
    }),
  );
