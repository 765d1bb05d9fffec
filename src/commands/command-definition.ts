import type { CommandContext } from '../domain/shared';
import type { StreamCategory } from '../domain/stream-names';
import type { AppendResult, NewEvent, RecordedEvent } from '../event-store/recorded-event';
import type { CommandDto } from './command-dto';
import type { FactLookups } from './fact-lookups';
import type { KnownEventIds } from './known-event-ids';
import type { StreamStates } from './stream-state-cache';

/** A domain event as the handler passes it on: its type names it in the public contract. */
export interface AnyDomainEvent {
  type: string;
  data: unknown;
}

/**
 * One command of the public contract, as the catalogue, the gateway, the
 * OpenAPI document and the Kafka schemas see it. Its DTO, domain command,
 * facts, state and events are typed where it is defined (`commandsOf`) and
 * closed over here, so commands of every aggregate sit in one list without
 * a cast. The HTTP path, the Kafka message name and the OpenAPI entry come
 * from `name`.
 */
export interface CommandDefinition {
  readonly name: string;
  readonly summary: string;
  readonly description?: string;
  readonly dto: new () => CommandDto;
  /** Validates a body against the DTO: the command ready to run, or a 400 problem naming each field. */
  accept(body: unknown): Promise<AcceptedCommand>;
}

/** A validated command, bound to its target stream. */
export interface AcceptedCommand {
  readonly name: string;
  /** The validated body: what scope checks read and the idempotency hash covers. */
  readonly dto: CommandDto;
  readonly streamId: string;
  /** Folds the target stream (through the cache): a decision bound to the state it read. */
  load(streams: StreamStates, lookups: FactLookups): Promise<StreamDecision>;
}

/** The target stream as folded, and the command's decision on it. */
export interface StreamDecision {
  /** The stream's revision the state reflects; -1 for no stream. */
  readonly revision: number;
  /** Where each event id of the stream is, for idempotent retries. */
  readonly known: KnownEventIds;
  /** Looks up the command's facts and runs the pure decider on the folded state. */
  decide(context: CommandContext): Promise<readonly AnyDomainEvent[]>;
  /** Folds what the decision appended into the cached state, so the next command reads nothing new. */
  appended(events: readonly NewEvent[], result: AppendResult): void;
}

/** One aggregate: its stream category, its commands, and its state folded from a stream's events. */
export interface AggregateDefinition {
  readonly category: StreamCategory;
  readonly commands: readonly CommandDefinition[];
  /** The state its decider folds from these events (the streams endpoint shows it). */
  stateOf(events: readonly Pick<RecordedEvent, 'type' | 'data'>[]): unknown;
  /** Event payload schema versions that differ from 1. */
  readonly schemaVersions?: Readonly<Record<string, number>>;
}
