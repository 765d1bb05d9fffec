import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { AppConfig } from './app-config';

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
  }
}

function describe(error: ValidationError): string[] {
  const shown = /KEY|SECRET|SALT/.test(error.property) ? '(hidden)' : JSON.stringify(error.value);
  return Object.values(error.constraints ?? {}).map((rule) => `${rule} (got ${shown})`);
}

/** Reads and validates the configuration; throws one ConfigurationError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const given: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    // Empty means unset, as in most shells and compose files.
    if (value !== undefined && value !== '' && known.includes(name)) {
      given[name] = value;
    }
  }
  const config = plainToInstance(AppConfig, given, { exposeDefaultValues: true });
  // One message per bad variable: the first rule it breaks.
  const errors = validateSync(config, { forbidUnknownValues: true, stopAtFirstError: true });
  if (errors.length > 0) {
    throw new ConfigurationError(errors.flatMap(describe));
  }
  return config;
}
