import { Decider } from '../domain/decider';
import { CommandContext } from '../domain/shared';
import { StreamCategory } from '../domain/stream-names';
import { CommandDto } from './validation/command-dto';
import type { FactLookups } from './fact-lookups';

export interface AnyDomainEvent {
  type: string;
  data: unknown;
}

/**
 * Everything the gateway needs to run one command: how to validate its body,
 * which stream it targets, which facts from other aggregates its rules need,
 * and how to build the domain command. The HTTP path, the Kafka message name
 * and the OpenAPI entry all come from `name`.
 */
export interface CommandDefinition<
  Dto extends CommandDto = CommandDto,
  Command = unknown,
  State = unknown,
  Facts = unknown,
  Event extends AnyDomainEvent = AnyDomainEvent,
> {
  name: string;
  summary: string;
  description?: string;
  dto: new () => Dto;
  decider: Decider<Command, Event, State>;
  streamId(dto: Dto): string;
  /** When the recorded fact happened (ISO), when the body's date fields do not say it plainly (see fact-date.ts). */
  occurredAt?(dto: Dto): string | undefined;
  facts?(dto: Dto, lookups: FactLookups, context: CommandContext): Promise<Facts>;
  toCommand(dto: Dto, context: CommandContext, facts: Facts): Command;
}

/** Identity helper that keeps the definition's types tied together. */
export function defineCommand<
  Dto extends CommandDto,
  Command,
  State,
  Facts = undefined,
  Event extends AnyDomainEvent = AnyDomainEvent,
>(definition: CommandDefinition<Dto, Command, State, Facts, Event>): CommandDefinition {
  return definition as unknown as CommandDefinition;
}

/** One aggregate: its stream category, decider (for reads) and commands. */
export interface AggregateDefinition {
  category: StreamCategory;
  decider: Decider<never, AnyDomainEvent, unknown>;
  commands: CommandDefinition[];
  /** Event payload schema versions that differ from 1. */
  schemaVersions?: Record<string, number>;
}
