import { holdsPersonalData, withholdPersonalData } from '../../personal-data/personal-fields';
import { DATA_SCHEMA_VERSIONS } from './integration-event-types';

/** How one domain event type is published (schemas/integration-events/README.md). */
export interface IntegrationEventDefinition {
  type: string;
  /** Version of its public data schema: schemas/integration-events/data/<type>.v<schemaVersion>.schema.json. */
  schemaVersion: number;
  /** The public data from the stored (upcast) data, leaving out anything internal; the stored data when absent. */
  toData?: (data: unknown) => unknown;
}

/** Event types with a published data schema, keyed by type. */
export class IntegrationEventRegistry {
  private readonly byType = new Map<string, IntegrationEventDefinition>();

  constructor(definitions: readonly IntegrationEventDefinition[] = []) {
    for (const definition of definitions) this.register(definition);
  }

  register(definition: IntegrationEventDefinition): void {
    if (this.byType.has(definition.type)) {
      throw new Error(`Integration event ${definition.type} is registered twice`);
    }
    this.byType.set(definition.type, definition);
  }

  definitionOf(type: string): IntegrationEventDefinition | undefined {
    return this.byType.get(type);
  }

  definitions(): IntegrationEventDefinition[] {
    return [...this.byType.values()];
  }
}

/**
 * The registry the relay publishes with: every domain event type, each with
 * its data schema file. A stored event of another type (none is written by
 * the commands) would be published with the envelope schema only. Staff
 * personal data never leaves on Kafka: each personal value is `[withheld]`
 * (or `[erased]`), and consumers that need a name ask the API by personId.
 */
export const INTEGRATION_EVENTS = new IntegrationEventRegistry(
  Object.entries(DATA_SCHEMA_VERSIONS).map(([type, schemaVersion]) => ({
    type,
    schemaVersion,
    ...(holdsPersonalData(type) ? { toData: (data: unknown) => withholdPersonalData(type, data) } : {}),
  })),
);
