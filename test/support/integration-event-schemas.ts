import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SCHEMAS = join(__dirname, '../../schemas/integration-events');
export const DATA_SCHEMAS = join(SCHEMAS, 'data');

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);

const read = (path: string): object => JSON.parse(readFileSync(path, 'utf8')) as object;
const envelope = ajv.compile(read(join(SCHEMAS, 'envelope.v1.schema.json')));

/** `<type>.v<version>` of every data schema file in the repository. */
export function dataSchemaNames(): string[] {
  if (!existsSync(DATA_SCHEMAS)) return [];
  return readdirSync(DATA_SCHEMAS)
    .filter((file) => file.endsWith('.schema.json'))
    .map((file) => file.slice(0, -'.schema.json'.length));
}

const data = new Map<string, ValidateFunction>(
  dataSchemaNames().map((name) => [name, ajv.compile(read(join(DATA_SCHEMAS, `${name}.schema.json`)))]),
);

const errorsOf = (validate: ValidateFunction, where: string): string[] =>
  (validate.errors ?? []).map((e) => `${where}${e.instancePath} ${e.message ?? ''}`.trim());

/**
 * Checks a published message value against the envelope schema and the data
 * schema of its type and version; [] when valid. A type with no data schema
 * at all (the relay tests' own event type) is checked against the envelope
 * only; a type with a data schema at another version is an error.
 */
export function schemaErrors(value: unknown): string[] {
  if (!envelope(value)) return errorsOf(envelope, 'envelope');
  const {
    type,
    schemaVersion,
    data: payload,
  } = value as { type: string; schemaVersion: number; data: unknown };
  const name = `${type}.v${schemaVersion}`;
  const validateData = data.get(name);
  if (!validateData) {
    const others = [...data.keys()].filter((known) => known.startsWith(`${type}.v`));
    return others.length === 0
      ? []
      : [`data (${name}): no such schema; the repository has ${others.join(', ')}`];
  }
  return validateData(payload) ? [] : errorsOf(validateData, `data (${name})`);
}
