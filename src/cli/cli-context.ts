import { Logger, LoggerService } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { createApp, eventUpcasters } from '../app.factory';
import type { AppConfig } from '../config/app-config';
import { LOG_LEVELS } from '../config/app-config';
import { loadConfig } from '../config/load-config';
import { openEventStore } from '../event-store/wiring/event-store.module';
import type { EventStore } from '../event-store/port';
import { CliError } from './cli-errors';

const RANK: Record<string, number> = { verbose: 10, debug: 20, log: 30, warn: 40, error: 50, fatal: 60 };
const LEVEL_RANK: Record<(typeof LOG_LEVELS)[number], number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: 100,
};

/** Nest's static Logger, for the adapters a CLI command uses without an application: one line each, on stderr. */
class StderrLogger implements LoggerService {
  constructor(private readonly threshold: number) {}
  private write(level: string, message: unknown, context: unknown): void {
    if (RANK[level] < this.threshold) return;
    const where = typeof context === 'string' ? `${context}: ` : '';
    process.stderr.write(`${level} ${where}${String(message)}\n`);
  }
  log = (message: unknown, context?: unknown) => this.write('log', message, context);
  warn = (message: unknown, context?: unknown) => this.write('warn', message, context);
  error = (message: unknown, ...rest: unknown[]) => this.write('error', message, rest.at(-1));
  debug = (message: unknown, context?: unknown) => this.write('debug', message, context);
  verbose = (message: unknown, context?: unknown) => this.write('verbose', message, context);
  fatal = (message: unknown, context?: unknown) => this.write('fatal', message, context);
}

/** Every log line a CLI command causes goes to stderr, at LOG_LEVEL (warn unless set). */
export function logToStderr(): void {
  const level = (process.env.LOG_LEVEL ?? 'warn') as (typeof LOG_LEVELS)[number];
  Logger.overrideLogger(new StderrLogger(LEVEL_RANK[level] ?? LEVEL_RANK.warn));
}

/** The service's configuration, as the service reads it; the CLI's logs always go to stderr. */
export const cliConfig = (overrides: Record<string, string> = {}): AppConfig =>
  loadConfig({ ...process.env, LOG_DESTINATION: 'stderr', ...overrides });

/**
 * The event store alone, for read-only commands: no HTTP application, no read
 * models running, no state database, so they may run beside the service.
 * A missing embedded store is an error, never an empty store created.
 */
export async function withStore<T>(task: (store: EventStore) => Promise<T>): Promise<T> {
  const config = cliConfig();
  if (config.EVENT_STORE === 'sqlite' && !existsSync(config.SQLITE_PATH)) {
    throw new CliError(
      `SQLITE_PATH=${config.SQLITE_PATH}: there is no event store there (the service creates it on its first start)`,
    );
  }
  const store = await openEventStore(config, eventUpcasters());
  try {
    return await task(store);
  } finally {
    await store.close();
  }
}

/** The whole application without an HTTP listener, for commands that write through the command pipeline. */
export async function withApp<T>(task: (app: NestFastifyApplication) => Promise<T>): Promise<T> {
  // No read models, no relay, no Kafka: APP_ROLES=relay with no brokers runs none of them.
  const app = await createApp(
    cliConfig({ SEED_REGISTER_ON_EMPTY_STORE: 'false', APP_ROLES: 'relay', KAFKA_BROKERS: '' }),
  );
  await app.init();
  try {
    return await task(app);
  } finally {
    await app.close();
  }
}
