import { Argument, InvalidArgumentError, Option } from 'commander';
import { ROLES } from '../auth/principal';
import { isIsoDate, isIsoDateTime } from '../shared/validation/validators';
import { READ_MODELS } from '../projections/catalogue';

/** commander parsers and declarations shared by the commands; a refusal is commander's own one-line error. */

export function dateOrDateTime(value: string): string {
  if (isIsoDate(value) || isIsoDateTime(value)) return value;
  throw new InvalidArgumentError('Give a real date (YYYY-MM-DD) or an ISO 8601 date-time with a zone.');
}

export function position(value: string): string {
  if (/^\d{1,15}$/.test(value)) return value;
  throw new InvalidArgumentError('Give a global position: a whole number ≥ 0.');
}

export const readModelArgument = (): Argument =>
  new Argument('<readModel>', 'read model name').choices(READ_MODELS.map((p) => p.name));

export const roleOption = (): Option =>
  new Option('--role <role>', 'what the key may do').choices([...ROLES]).makeOptionMandatory();

export const outputOption = (): Option =>
  new Option('--output <file>', 'write the data to this file (whole, or not at all) instead of stdout');
