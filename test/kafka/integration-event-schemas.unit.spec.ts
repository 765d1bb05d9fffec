import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { AGGREGATES } from '../../src/commands/catalogue';
import { CatalogueService } from '../../src/commands/catalogue.service';
import type { RecordedEvent } from '../../src/event-store';
import { eventUpcasters } from '../../src/app.factory';
import { toIntegrationEvent } from '../../src/kafka/relay/integration-event';
import { INTEGRATION_EVENTS } from '../../src/kafka/relay/integration-event-registry';
import { DATA_SCHEMA_VERSIONS, DomainEventType } from '../../src/kafka/relay/integration-event-types';
import { legacyMeasurement } from '../support/integration-event-fixtures';
import { DATA_SCHEMAS, dataSchemaNames, schemaErrors } from '../support/integration-event-schemas';

const root = join(__dirname, '../..');
const generator = require('../../schemas/integration-events/generate.cjs') as {
  generate(versions: Record<string, number>): Map<string, object>;
  fileName(type: string, version: number): string;
  render(schema: object): string;
};

/**
 * Every `type` a decider can emit, read with the TypeScript compiler from
 * each aggregate's event union in src/domain/<aggregate>/events.ts: an
 * account of the domain that shares nothing with the schema generator.
 */
function domainEventTypes(): string[] {
  const domain = join(root, 'src/domain');
  const files = readdirSync(domain, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(domain, entry.name, 'events.ts'))
    .filter((file) => ts.sys.fileExists(file));
  const program = ts.createProgram(files, { strict: true, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const types = new Set<string>();
  for (const file of files) {
    const source = program.getSourceFile(file) as ts.SourceFile;
    const unions = source.statements.filter(
      (s): s is ts.TypeAliasDeclaration =>
        ts.isTypeAliasDeclaration(s) && /Event$/.test(s.name.text) && ts.isUnionTypeNode(s.type),
    );
    expect(unions).toHaveLength(1);
    const union = checker.getTypeAtLocation(unions[0].name);
    for (const member of union.isUnion() ? union.types : [union]) {
      const type = checker.getTypeOfSymbol(member.getProperty('type') as ts.Symbol);
      if (type.isStringLiteral()) types.add(type.value);
    }
  }
  return [...types].sort();
}

describe('integration event data schemas (schemas/integration-events/data)', () => {
  const types = domainEventTypes();

  it('has a data schema and a registry entry for every domain event type, and nothing else', () => {
    expect(types.length).toBeGreaterThan(60);
    expect(dataSchemaNames().sort()).toEqual(
      types.map((type) => `${type}.v${DATA_SCHEMA_VERSIONS[type as DomainEventType]}`),
    );
    expect(
      INTEGRATION_EVENTS.definitions()
        .map((d) => d.type)
        .sort(),
    ).toEqual(types);
  });

  it('committed schemas are what `npm run schemas:events` generates from the TypeScript types', () => {
    const generated = generator.generate(DATA_SCHEMA_VERSIONS);
    expect([...generated.keys()].sort()).toEqual(types);
    for (const [type, schema] of generated) {
      const version = DATA_SCHEMA_VERSIONS[type as DomainEventType];
      const committed = readFileSync(join(DATA_SCHEMAS, generator.fileName(type, version)), 'utf8');
      expect({ type, schema: committed }).toEqual({ type, schema: generator.render(schema) });
    }
  }, 60_000);

  it('a data schema refuses a missing field, a field the type does not have, a wrong enum value and a bad date', () => {
    const event = {
      eventId: '0b6f3c52-4c1e-4f0e-9a55-2d1f3b7e8a01',
      type: 'OrganisationRenamed',
      schemaVersion: 1,
      occurredAt: '2019-04-01T00:00:00.000Z',
      recordedAt: '2026-01-05T10:11:12.345Z',
      streamId: 'organisation-RYX',
      revision: 1,
      position: 7,
      correlationId: 'c',
      causationId: null,
      data: { odsCode: 'RYX', oldName: 'Old', newName: 'New', effectiveDate: '2019-04-01' },
    };
    expect(schemaErrors(event)).toEqual([]);
    const { newName: _newName, ...missing } = event.data;
    expect(schemaErrors({ ...event, data: missing })).toEqual([expect.stringMatching(/newName/)]);
    expect(schemaErrors({ ...event, data: { ...event.data, actor: 'x' } })).toEqual([
      expect.stringMatching(/additional properties/),
    ]);
    expect(schemaErrors({ ...event, data: { ...event.data, effectiveDate: '01/04/2019' } })).toEqual([
      expect.stringMatching(/effectiveDate.*date/),
    ]);
    const reclassified = {
      ...event,
      type: 'OrganisationReclassified',
      data: { odsCode: 'RYX', fromType: 'AcuteTrust', toType: 'Hospital', effectiveDate: '2019-04-01' },
    };
    expect(schemaErrors(reclassified)).toEqual([expect.stringMatching(/toType/)]);
  });

  it('publishes each type at the schema version the commands write it at (MeasurementRecorded: 2)', () => {
    const catalogue = new CatalogueService(AGGREGATES);
    const written = Object.fromEntries(types.map((type) => [type, catalogue.schemaVersion(type)]));
    expect(DATA_SCHEMA_VERSIONS).toEqual(written);
    expect(DATA_SCHEMA_VERSIONS.MeasurementRecorded).toBe(2);
  });

  it('a MeasurementRecorded stored at v1 (a percentage) is published at v2, valid, with what was stored', () => {
    const { streamId, event } = legacyMeasurement();
    const stored: RecordedEvent = {
      ...event,
      streamId,
      revision: 1,
      position: 9,
      metadata: { ...event.metadata, recordedAt: '2016-05-02T10:00:00.000Z' },
    };
    const asStored = toIntegrationEvent(stored, INTEGRATION_EVENTS.definitionOf(stored.type));
    expect(schemaErrors(asStored)).toContainEqual(expect.stringMatching(/additional properties/));
    expect(schemaErrors(asStored)).toContainEqual(expect.stringMatching(/numerator/));
    const upcast = eventUpcasters().upcast(stored);
    const published = toIntegrationEvent(upcast, INTEGRATION_EVENTS.definitionOf(upcast.type));
    expect(published).toMatchObject({
      schemaVersion: 2,
      data: { numerator: 85, denominator: 100, upcastFrom: { schemaVersion: 1, percentage: 85.4 } },
    });
    expect(schemaErrors(published)).toEqual([]);
    const { upcastFrom: _upcastFrom, ...counted } = published.data as Record<string, unknown>;
    expect(schemaErrors({ ...published, data: counted })).toEqual([]);
    expect(schemaErrors({ ...published, schemaVersion: 1 })).toEqual([
      expect.stringMatching(/MeasurementRecorded\.v1.*no such schema/),
    ]);
  });
});
