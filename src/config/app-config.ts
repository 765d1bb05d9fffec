import { Transform } from 'class-transformer';
import { booleanFlag, integer, list, trimmed } from './env-transforms';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, ValidateIf } from 'class-validator';
import { SecurityConfig } from './security-config';

export const EVENT_STORE_KINDS = ['sqlite', 'esdb'] as const;
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];

export const APP_ROLE_NAMES = ['api', 'projections', 'relay'] as const;
export type AppRole = (typeof APP_ROLE_NAMES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The service's whole configuration, read from the environment once at
 * start-up. Every property is named after its environment variable, so a
 * validation error names the variable to fix. The defaults give the embedded
 * store on a fresh clone. Security settings are in SecurityConfig.
 */
export class AppConfig extends SecurityConfig {
  @Transform(integer)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  HOST: string = '127.0.0.1';

  @Transform(trimmed)
  @IsIn(EVENT_STORE_KINDS)
  EVENT_STORE: EventStoreKind = 'sqlite';

  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  SQLITE_PATH: string = './data/events.sqlite';

  /** Checkpoints and read-model snapshots: derived data, safe to delete (it is rebuilt from the log). */
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  STATE_SQLITE_PATH: string = './data/state.sqlite';

  @Transform(trimmed)
  @IsIn(['FULL', 'NORMAL'])
  SQLITE_SYNCHRONOUS: 'FULL' | 'NORMAL' = 'FULL';

  /** Register the ODS trust register through the commands on the first start of an empty embedded store. */
  @Transform(booleanFlag)
  @IsIn([true, false], { message: 'SEED_REGISTER_ON_EMPTY_STORE must be true or false' })
  SEED_REGISTER_ON_EMPTY_STORE: boolean = true;

  @ValidateIf((config: AppConfig) => config.EVENT_STORE === 'esdb')
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=esdb' })
  EVENTSTORE_CONNECTION_STRING?: string = undefined;

  /** First delay before reconnecting to EventStoreDB (start-up check, dropped subscriptions); doubles each try. */
  @Transform(integer)
  @IsInt()
  @Min(1)
  EVENTSTORE_RECONNECT_MIN_MS: number = 250;

  /** Longest delay between reconnection attempts to EventStoreDB. */
  @Transform(integer)
  @IsInt()
  @Min(1)
  EVENTSTORE_RECONNECT_MAX_MS: number = 30_000;

  @Transform(list)
  @IsIn(APP_ROLE_NAMES, { each: true })
  APP_ROLES: AppRole[] = [...APP_ROLE_NAMES];

  /** How long a query with ?minPosition= waits for its read model before answering 503. */
  @Transform(integer)
  @IsInt()
  @Min(0)
  @Max(60_000)
  READ_YOUR_WRITES_TIMEOUT_MS: number = 5000;

  @Transform(integer)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  SNAPSHOT_EVERY_EVENTS: number = 50_000;

  @Transform(integer)
  @IsInt()
  @Min(100)
  @Max(86_400_000)
  SNAPSHOT_INTERVAL_MS: number = 30_000;

  @Transform(trimmed)
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @IsOptional()
  @Transform(booleanFlag)
  @IsIn([true, false], { message: 'LOG_PRETTY must be true or false' })
  LOG_PRETTY?: boolean = undefined;
}
