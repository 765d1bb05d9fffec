import { applyDecorators } from '@nestjs/common';
import { ApiQuery, ApiResponse } from '@nestjs/swagger';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { SCHEMA_OPTIONS } from '../shared/validation/schema-options';

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

/**
 * Documents every query parameter of a query class from the class-validator
 * rules that check it, so the document can never be looser or stricter than
 * the validation (unknown parameters are refused).
 */
export const ApiQueryFrom = (
  type: new () => object,
  descriptions: Record<string, string> = {},
): MethodDecorator => {
  const schema = targetConstructorToSchema(type, SCHEMA_OPTIONS) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  const required = new Set(schema.required ?? []);
  return applyDecorators(
    ...Object.entries(schema.properties ?? {}).map(([name, property]) =>
      ApiQuery({
        name,
        required: required.has(name),
        description: descriptions[name],
        schema: { type: 'string', ...property },
      }),
    ),
  );
};

/** The 200 of a read-model query: JSON, or CSV of its rows with `Accept: text/csv`. */
export const ApiReadModelOk = (description: string): MethodDecorator =>
  ApiOk(
    description,
    { type: 'object' },
    { 'text/csv': { schema: { type: 'string', description: 'One header row, then one row per item' } } },
  );
