import { instanceToPlain } from 'class-transformer';
import { Decider } from '../domain/decider';
import { CommandContext } from '../domain/shared';
import { AnyDomainEvent, CommandDefinition, defineCommand } from './command-definition';
import type { FactLookups } from './fact-lookups';
import { CommandDto } from './validation/command-dto';

interface DomainCommand {
  type: string;
  data: unknown;
  context: CommandContext;
  facts: unknown;
}
type CommandNamed<C extends DomainCommand, Name extends C['type']> = Extract<C, { type: Name }>;

/** The body's own fields as plain data, without the envelope fields every command body may carry. */
export function commandData<Dto extends CommandDto>(dto: Dto): Omit<Dto, keyof CommandDto> {
  const { commandId: _commandId, occurredAt: _occurredAt, ...data } = instanceToPlain(dto) as Dto;
  return data;
}

/**
 * `defineCommand` for an aggregate whose command names are its domain command
 * types and whose DTOs carry exactly the domain command's data: the decider,
 * the stream and the mapping are fixed once, so each entry states only its
 * name, DTO and facts. A DTO that lacks a field of the domain command, or
 * types one differently, does not compile.
 */
export function commandsFor<C extends DomainCommand, E extends AnyDomainEvent, S, Target extends CommandDto>(
  decider: Decider<C, E, S>,
  streamId: (dto: Target) => string,
) {
  return <Name extends C['type'], Dto extends Target & CommandNamed<C, Name>['data']>(definition: {
    name: Name;
    summary: string;
    description?: string;
    dto: new () => Dto;
    facts?: (
      dto: Dto,
      lookups: FactLookups,
      context: CommandContext,
    ) => Promise<CommandNamed<C, Name>['facts']>;
  }): CommandDefinition =>
    defineCommand<Dto, CommandNamed<C, Name>, S, CommandNamed<C, Name>['facts'], E>({
      ...definition,
      decider,
      streamId,
      toCommand: (dto, context, facts) =>
        ({ type: definition.name, data: commandData(dto), context, facts }) as CommandNamed<C, Name>,
    });
}
