import { Transform } from 'class-transformer';
import { booleanFlag, list, trimmed } from './env-transforms';
import { IntegerSetting } from './integer-setting';
import { accessSync, constants } from 'node:fs';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, ValidateBy, ValidateIf } from 'class-validator';
import { REGISTER_CSV } from '../trust-register/register-csv';
import { SecurityConfig } from './security-config';

export const EVENT_STORE_KINDS = ['sqlite', 'esdb'] as const;
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];

/**
 * What a process runs beside its HTTP listener (every process has one, for
 * health and metrics): `api` and `projections` the read models the API
 * answers from, `relay` the Kafka relay (any number: a lease in the event store
 * lets one publish at a time), `commands` the Kafka command consumer (any
 * number: its group shares the partitions). The
 * default runs them all; a scaled-out deployment splits them, e.g. API
 * replicas on `api,projections` and one worker on `relay,commands`.
 */
export const APP_ROLE_NAMES = ['api', 'projections', 'relay', 'commands'] as const;
export type AppRole = (typeof APP_ROLE_NAMES)[number];
const DEFAULT_APP_ROLES: AppRole[] = ['api', 'projections', 'relay', 'commands'];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const KAFKA_SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

function IsReadableFile(): PropertyDecorator {
  return ValidateBy({
    name: 'isReadableFile',
    validator: {
      validate: (value: unknown) => {
        try {
          accessSync(String(value), constants.R_OK);
          return true;
        } catch {
          return false;
        }
      },
      defaultMessage: (args) => `${args?.property ?? 'the value'} must name a readable file`,
    },
  });
}

/**
 * The service's whole configuration, read from the environment once at
 * start-up. Every property is named after its environment variable, so a
 * validation error names the variable to fix. The defaults give the embedded
 * store on a fresh clone. Security settings are in SecurityConfig.
 */
export class AppConfig extends SecurityConfig {
  @IntegerSetting(0, 65535)
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

  /** The ODS trust register extract the seed reads (a newer extract can replace the one shipped). */
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  REGISTER_CSV_PATH: string = REGISTER_CSV;

  @ValidateIf((config: AppConfig) => config.EVENT_STORE === 'esdb')
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=esdb' })
  EVENTSTORE_CONNECTION_STRING?: string = undefined;

  /** First delay before reconnecting to EventStoreDB (start-up check, dropped subscriptions); doubles each try. */
  @IntegerSetting(1, 3_600_000)
  EVENTSTORE_RECONNECT_MIN_MS: number = 250;

  /** Longest delay between reconnection attempts to EventStoreDB. */
  @IntegerSetting(1, 3_600_000)
  EVENTSTORE_RECONNECT_MAX_MS: number = 30_000;

  @Transform(list)
  @IsIn(APP_ROLE_NAMES, { each: true })
  APP_ROLES: AppRole[] = [...DEFAULT_APP_ROLES];

  /**
   * Most events folded into the command side's cached stream states
   * (stream-state-cache.ts): past it, the least recently used streams are
   * read from the store again when next written. About 130 bytes an event.
   */
  @IntegerSetting(1, 100_000_000)
  COMMAND_CACHE_MAX_EVENTS: number = 250_000;

  /** Most data rows one import file may hold; a larger file is refused whole (413), before anything is written. */
  @IntegerSetting(1, 10_000_000)
  IMPORT_MAX_ROWS: number = 200_000;

  /** Most bytes one uploaded import file may have. */
  @IntegerSetting(1024, Number.MAX_SAFE_INTEGER)
  IMPORT_MAX_BYTES: number = 64 * 1024 * 1024;

  /** Most bytes an XLSX workbook may inflate to (its parts together): above it, a zip bomb or too large. */
  @IntegerSetting(1024, Number.MAX_SAFE_INTEGER)
  IMPORT_MAX_INFLATED_BYTES: number = 512 * 1024 * 1024;

  /** How long a query with ?minPosition= waits for its read model before answering 503. */
  @IntegerSetting(0, 60_000)
  READ_YOUR_WRITES_TIMEOUT_MS: number = 5000;

  @IntegerSetting(1, 10_000_000)
  SNAPSHOT_EVERY_EVENTS: number = 250_000;

  /**
   * /health/ready is 503 while a read model is more than this many positions behind the log's head
   * (docs/operations/health-and-metrics.md). Positions are events on the embedded store and log bytes
   * on EventStoreDB; unset: 10000 on SQLite, 10000000 (about ten thousand events) on EventStoreDB.
   */
  @IsOptional()
  @IntegerSetting(0, 1_000_000_000_000)
  READY_MAX_LAG?: number = undefined;

  @IntegerSetting(100, 86_400_000)
  SNAPSHOT_INTERVAL_MS: number = 30_000;

  /**
   * How often the worklist is compared with the items its stream records open, and WorklistItemOpened /
   * WorklistItemClosed appended for the difference (one instance at a time, by a lease); 0 turns it off.
   */
  @IntegerSetting(0, 86_400_000)
  WORKLIST_EVALUATE_INTERVAL_MS: number = 60_000;

  /** Month ends (latest first) whose as-of snapshots are kept fresh once the read models are live; 0: none (docs/evaluators/time-travel.md). */
  @IntegerSetting(0, 240)
  AS_OF_SNAPSHOT_MONTHS: number = 13;

  @Transform(trimmed)
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @IsOptional()
  @Transform(booleanFlag)
  @IsIn([true, false], { message: 'LOG_PRETTY must be true or false' })
  LOG_PRETTY?: boolean = undefined;

  /** Append the logs to this file instead of standard output (each line written before the next). */
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'LOG_FILE must be a file path' })
  LOG_FILE?: string = undefined;

  /** Where the JSON log lines go; the CLI sends them to stderr, keeping stdout for data. */
  @Transform(trimmed)
  @IsIn(['stdout', 'stderr'], { message: 'LOG_DESTINATION must be stdout or stderr' })
  LOG_DESTINATION: 'stdout' | 'stderr' = 'stdout';

  /** `host:port` list; empty turns every Kafka feature off. */
  @Transform(list)
  @Matches(/^[^\s:,]+:\d{1,5}$/, { each: true, message: 'each value in KAFKA_BROKERS must be host:port' })
  KAFKA_BROKERS: string[] = [];

  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  KAFKA_CLIENT_ID: string = 'always-events-tracker';

  /** Integration events go to `<prefix>.<aggregate>.v1`. */
  @Transform(trimmed)
  @Matches(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, {
    message: 'KAFKA_TOPIC_PREFIX must be letters, digits, _, - and inner dots',
  })
  KAFKA_TOPIC_PREFIX: string = 'always-events';

  /** Create missing topics at start-up; when false, missing topics stop the relay with an error naming them. */
  @Transform(booleanFlag)
  @IsIn([true, false], { message: 'KAFKA_CREATE_TOPICS must be true or false' })
  KAFKA_CREATE_TOPICS: boolean = true;

  /** For topics the service creates; a topic's partition count fixes which partition each stream lands on. */
  @IntegerSetting(1, 1000)
  KAFKA_TOPIC_PARTITIONS: number = 3;

  /** 1 suits a single local broker; production clusters want 3. */
  @IntegerSetting(1, 10)
  KAFKA_TOPIC_REPLICATION_FACTOR: number = 1;

  @Transform(booleanFlag)
  @IsIn([true, false], { message: 'KAFKA_SSL must be true or false' })
  KAFKA_SSL: boolean = false;

  /** PEM file of certificate authorities to trust (e.g. a private cluster's); implies KAFKA_SSL. */
  @IsOptional()
  @Transform(trimmed)
  @IsReadableFile()
  KAFKA_SSL_CA_FILE?: string = undefined;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @IsIn(KAFKA_SASL_MECHANISMS)
  KAFKA_SASL_MECHANISM?: KafkaSaslMechanism = undefined;

  @ValidateIf((config: AppConfig) => config.KAFKA_SASL_MECHANISM !== undefined)
  @IsNotEmpty({ message: 'KAFKA_SASL_USERNAME is required when KAFKA_SASL_MECHANISM is set' })
  KAFKA_SASL_USERNAME?: string = undefined;

  // Only "missing" can fail here, so an error message never shows the value.
  @ValidateIf((config: AppConfig) => config.KAFKA_SASL_MECHANISM !== undefined)
  @IsNotEmpty({ message: 'KAFKA_SASL_PASSWORD is required when KAFKA_SASL_MECHANISM is set' })
  KAFKA_SASL_PASSWORD?: string = undefined;

  /** Most events the relay reads from the store and publishes per round trip to the broker. */
  @IntegerSetting(1, 10000)
  KAFKA_RELAY_BATCH_SIZE: number = 1000;

  /** Consumer group of the command consumer; `<KAFKA_TOPIC_PREFIX>.command-consumer` when unset. */
  @IsOptional()
  @Transform(trimmed)
  @Matches(/^[A-Za-z0-9._-]{1,200}$/, { message: 'KAFKA_COMMANDS_GROUP_ID must be letters, digits, . _ -' })
  KAFKA_COMMANDS_GROUP_ID?: string = undefined;

  /** How long the broker waits for a silent consumer before handing its partitions to another member. */
  @IntegerSetting(6_000, 300_000)
  KAFKA_COMMANDS_SESSION_TIMEOUT_MS: number = 30_000;

  /** Partitions of the commands topic handled at once by one process (each still in order). */
  @IntegerSetting(1, 100)
  KAFKA_COMMANDS_CONCURRENCY: number = 3;
}
