import { ApiKeyConfigError } from '../auth/api-keys';
import { ConfigurationError } from '../config/load-config';
import { EventStoreStartupError, EventStoreUnavailableError } from '../event-store/errors';

/**
 * Exit codes (docs/evaluators/cli.md):
 * 0 done; 1 failed (configuration, store, a read model that cannot be folded);
 * 2 usage (unknown command or option, a bad argument, a missing input file,
 * an output that cannot be written); 3 `verify` found a data cut that does
 * not match.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, mismatch: 3 } as const;

/** A failure to report as one line, with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
  }
}

export const usageError = (message: string): CliError => new CliError(message, EXIT.usage);

/** The one line a failure is reported with: its own message for what the operator can fix, else the error's. */
export function describeFailure(error: unknown): { line: string; exitCode: number } {
  if (error instanceof CliError) return { line: error.message, exitCode: error.exitCode };
  if (
    error instanceof ConfigurationError ||
    error instanceof EventStoreStartupError ||
    error instanceof EventStoreUnavailableError ||
    error instanceof ApiKeyConfigError
  ) {
    return { line: error.message, exitCode: EXIT.failed };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { line: message.split('\n')[0], exitCode: EXIT.failed };
}
