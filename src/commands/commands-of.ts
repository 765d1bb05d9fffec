import { Decider, fold } from '../domain/decider';
import type { Command, CommandContext } from '../domain/shared';
import type { StreamCategory } from '../domain/stream-names';
import { validateDto } from '../shared/validation/validate-dto';
import type { CommandDto } from './command-dto';
import type { AggregateDefinition, AnyDomainEvent, CommandDefinition } from './command-definition';
import { fromLog } from './domain-events';
import type { FactLookups } from './fact-lookups';

/** What one command states; the aggregate's decider and stream are fixed once by `commandsOf`. */
export interface CommandSpec<Name extends string, Dto extends CommandDto, Data> {
  name: Name;
  summary: string;
  description?: string;
  dto: new () => Dto;
  /** The domain command's data, from the validated body (`dataOf` when the DTO carries exactly it). */
  data: (dto: Dto, context: CommandContext) => Data;
}

/** Looks up, in other aggregates or read models, what a cross-aggregate rule needs. */
export type FactsLookup<Dto, Facts> = (
  dto: Dto,
  lookups: FactLookups,
  context: CommandContext,
) => Promise<Facts>;

/** The member of an aggregate's command union named `Name`. */
type Named<C, Name> = Extract<C, { type: Name }>;

/**
 * The compiler's proof that a definition builds a command its aggregate's
 * decider takes: the definition's `this` (the object `commandsOf` returns)
 * must hold a decider that accepts `Command<Name, its data, Facts>`. A name
 * the decider does not know, or `command` for one that needs facts, does not compile.
 */
interface Decides<Name extends string, Data, Facts, E, S> {
  decider: Decider<Command<Name, Data, Facts>, E, S>;
}

/** The body's own fields as the domain command's data, without the envelope fields every body may carry. */
export function dataOf<Dto extends CommandDto>({
  commandId: _commandId,
  occurredAt: _occurredAt,
  ...data
}: Dto): Omit<Dto, keyof CommandDto> {
  return data;
}

const noFacts = async (): Promise<undefined> => undefined;

/**
 * The one way to define commands. Given an aggregate's decider and the stream
 * a body targets, `command` (decided on the stream alone) and
 * `commandWithFacts` (with a lookup for a cross-aggregate rule) state a
 * command's name, summary, DTO and data; `aggregate` lists them. Typed from
 * DTO to domain command: data that lacks or mistypes a field of the named
 * domain command, facts of the wrong shape, or a name the decider does not
 * know do not compile.
 */
export function commandsOf<
  C extends Command<string, unknown, unknown>,
  E extends AnyDomainEvent,
  S,
  Target extends CommandDto,
>(decider: Decider<C, E, S>, streamIdOf: (dto: Target) => string) {
  return {
    decider,
    /** A command decided on its own stream alone. */
    command<Name extends C['type'], Dto extends Target, Data extends Named<C, Name>['data']>(
      this: Decides<Name, Named<C, Name>['data'], undefined, E, S>,
      spec: CommandSpec<Name, Dto, Data>,
    ): CommandDefinition {
      return define(this.decider, streamIdOf, spec, noFacts);
    },
    /** A command whose rule needs facts from other aggregates or read models. */
    commandWithFacts<
      Name extends C['type'],
      Dto extends Target,
      Data extends Named<C, Name>['data'],
      Facts extends Named<C, Name>['facts'],
    >(
      this: Decides<Name, Named<C, Name>['data'], Named<C, Name>['facts'], E, S>,
      spec: CommandSpec<Name, Dto, Data> & { facts: FactsLookup<Dto, Facts> },
    ): CommandDefinition {
      return define(this.decider, streamIdOf, spec, spec.facts);
    },
    aggregate(
      category: StreamCategory,
      commands: readonly CommandDefinition[],
      schemaVersions?: Readonly<Record<string, number>>,
    ): AggregateDefinition {
      return {
        category,
        commands,
        schemaVersions,
        stateOf: (events) =>
          fold(
            decider,
            events.map((event) => fromLog<E>(event)),
          ),
      };
    },
  };
}

function define<Name extends string, Dto extends CommandDto, Data, Facts, E extends AnyDomainEvent, S>(
  decider: Decider<Command<Name, Data, Facts>, E, S>,
  streamIdOf: (dto: Dto) => string,
  spec: CommandSpec<Name, Dto, Data>,
  facts: FactsLookup<Dto, Facts>,
): CommandDefinition {
  const { name, summary, description } = spec;
  return {
    name,
    summary,
    description,
    dto: spec.dto,
    async accept(body) {
      const dto = await validateDto(spec.dto, body);
      const streamId = streamIdOf(dto);
      return {
        name,
        dto,
        streamId,
        async load(streams, lookups) {
          const stream = await streams.load(decider, streamId);
          return {
            revision: stream.revision,
            known: stream.known,
            async decide(context) {
              const command: Command<Name, Data, Facts> = {
                type: name,
                data: spec.data(dto, context),
                context,
                facts: await facts(dto, lookups, context),
              };
              return decider.decide(command, stream.state);
            },
            appended: (events, result) =>
              streams.appended(decider, streamId, stream.revision, events, result),
          };
        },
      };
    },
  };
}
