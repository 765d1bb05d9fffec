import { Injectable } from '@nestjs/common';
import { categoryOf } from '../domain/stream-names';
import { CURRENT_SCHEMA_VERSIONS } from '../domain/upcasters';
import { AggregateDefinition, CommandDefinition } from './command-definition';

/** Looks up commands by name and aggregates by stream, over the catalogue it is given. */
@Injectable()
export class CatalogueService {
  private readonly commands = new Map<string, CommandDefinition>();
  private readonly versions = new Map<string, number>();

  constructor(readonly aggregates: readonly AggregateDefinition[]) {
    for (const aggregate of aggregates) {
      for (const command of aggregate.commands) {
        if (this.commands.has(command.name)) throw new Error(`Command ${command.name} is defined twice`);
        this.commands.set(command.name, command);
      }
      for (const [type, version] of Object.entries(aggregate.schemaVersions ?? {}))
        this.versions.set(type, version);
    }
  }

  command(name: string): CommandDefinition | undefined {
    return this.commands.get(name);
  }

  allCommands(): CommandDefinition[] {
    return [...this.commands.values()];
  }

  aggregateOf(streamId: string): AggregateDefinition | undefined {
    const category = categoryOf(streamId);
    return this.aggregates.find((aggregate) => aggregate.category === category);
  }

  /** The version new events of a type are written at: past every upcaster's, so reads never upcast new events. */
  schemaVersion(eventType: string): number {
    return this.versions.get(eventType) ?? CURRENT_SCHEMA_VERSIONS[eventType] ?? 1;
  }
}
