import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { validateDto } from './validate-dto';
import { SCHEMA_OPTIONS } from './schema-options';

const known = new Map<new () => object, string>();

/** The names of a query class's parameters, from the rules that check them (as the API documentation does). */
function parametersOf(type: new () => object): string {
  let names = known.get(type);
  if (names === undefined) {
    const schema = targetConstructorToSchema(type, SCHEMA_OPTIONS) as { properties?: object };
    names = Object.keys(schema.properties ?? {}).join(', ');
    known.set(type, names);
  }
  return names;
}

/**
 * A GET route's query parameters as a validated query object, or a 400 whose
 * errors speak of parameters: an unknown one is named, with the ones the
 * route takes, so a misspelt filter never silently returns unfiltered data.
 */
export function validateQuery<T extends object>(type: new () => T, query: unknown): Promise<T> {
  return validateDto(type, query ?? {}, `a query parameter of this route (it takes ${parametersOf(type)})`);
}
