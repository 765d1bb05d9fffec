import { Decider } from '../domain/decider';
import { CommandContext } from '../domain/shared';
import { AnyDomainEvent, CommandDefinition, defineCommand } from './command-definition';
import type { FactLookups } from './fact-lookups';
import { CommandDto } from './validation/command-dto';

interface AnyCommand {
  type: string;
  data: unknown;
  facts: unknown;
}
type Of<C extends AnyCommand, Type> = Extract<C, { type: Type }>;

/**
 * Command definitions for one aggregate whose DTOs all carry the aggregate's
 * id (`Target`): only the name, DTO, the mapping to domain data and any facts
 * differ from one command to the next, so that is all each entry states.
 */
export function aggregateCommand<
  C extends AnyCommand,
  E extends AnyDomainEvent,
  S,
  Target extends CommandDto,
>(decider: Decider<C, E, S>, streamId: (dto: Target) => string) {
  return function command<Type extends C['type'], Dto extends Target>(spec: {
    name: Type;
    summary: string;
    description?: string;
    dto: new () => Dto;
    data: (dto: Dto) => Of<C, Type>['data'];
    facts?: (dto: Dto, lookups: FactLookups, context: CommandContext) => Promise<Of<C, Type>['facts']>;
  }): CommandDefinition {
    return defineCommand<Dto, C, S, Of<C, Type>['facts'], E>({
      name: spec.name,
      summary: spec.summary,
      description: spec.description,
      dto: spec.dto,
      decider,
      streamId,
      facts: spec.facts,
      // Of<C, Type> is one member of C; TypeScript cannot see that through the generic.
      toCommand: (dto, context, facts) =>
        ({ type: spec.name, data: spec.data(dto), context, facts }) as unknown as C,
    });
  };
}
