import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogueService } from '../../src/commands/catalogue.service';
import { AGGREGATES } from '../../src/commands/catalogue';
import { fold } from '../../src/domain/decider';
import { measureDecider, MeasureEvent, seriesOf } from '../../src/domain/measure';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { UpcasterRegistry } from '../../src/event-store/upcasting/upcaster-registry';
import { eventUpcasters } from '../../src/app.factory';
import { UpcastingEventStore } from '../../src/event-store/upcasting/upcasting-event-store';
import { NewEvent } from '../../src/event-store';

const subject = { measureId: 'm-1', alwaysEventId: 'ae-1' };
const metadata = (schemaVersion: number) => ({
  occurredAt: '2016-04-30T00:00:00Z',
  actor: 'legacy-import',
  sourceSystem: 'backfill',
  correlationId: 'c',
  causationId: null,
  schemaVersion,
});
const defined: NewEvent = {
  id: randomUUID(),
  type: 'MeasureDefined',
  data: {
    ...subject,
    programmeSlug: 'always-events-england',
    odsCode: 'RV9',
    role: 'Outcome',
    name: 'Contact within 24 hours',
    operationalDefinition: 'Monthly audit',
    numeratorDefinition: 'Met',
    denominatorDefinition: 'All',
    dataSource: 'Audit',
    responseScale: null,
    countsAsSuccess: null,
    frequency: 'Monthly',
    targetPct: 90,
    improvementDirection: 'increase',
    definitionVersion: 1,
    definedAt: '2016-01-01T00:00:00Z',
  },
  metadata: metadata(1),
};
/** How the first returns recorded a measurement: one percentage. */
const v1: NewEvent = {
  id: randomUUID(),
  type: 'MeasurementRecorded',
  data: { ...subject, unitId: 'townend-court', period: '2016-04', role: 'Outcome', percentage: 85.4 },
  metadata: metadata(1),
};

describe('upcasting old event versions on read [sqlite: embedded file store]', () => {
  let folder: string;
  let inner: SqliteEventStore;
  let store: UpcastingEventStore;
  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'aet-upcast-'));
    inner = SqliteEventStore.open({ path: join(folder, 'events.sqlite') });
    store = new UpcastingEventStore(inner, eventUpcasters());
    await store.appendToStream('measure-m-1', [defined, v1]);
  });
  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('turns a v1 percentage into a v2 numerator over a denominator, and leaves the stored event as it was', async () => {
    const [, read] = await store.readStream('measure-m-1');
    expect(read.data).toEqual({
      ...subject,
      unitId: 'townend-court',
      period: '2016-04',
      role: 'Outcome',
      periodStart: '2016-04-01',
      definitionVersion: 1,
      numerator: 85,
      denominator: 100,
      categoryCounts: null,
      upcastFrom: { schemaVersion: 1, percentage: 85.4 },
    });
    expect(read.metadata).toMatchObject({ schemaVersion: 2, storedSchemaVersion: 1 });
    const [, stored] = await inner.readStream('measure-m-1');
    expect(stored.data).toEqual(v1.data);
    expect(stored.metadata.schemaVersion).toBe(1);
  });

  it("passes $all's time bounds through to the store it wraps", async () => {
    for (const read of [store.readAll.bind(store), store.readAllSerialized.bind(store)]) {
      expect(await read({ occurredAtMax: '1900-01-01T00:00:00.000Z' })).toHaveLength(0);
      expect(await read({ recordedAtMax: '1900-01-01T00:00:00.000Z' })).toHaveLength(0);
      expect(await read({ occurredAtMax: '2100-01-01', recordedAtMax: '2100-01-01' })).toHaveLength(2);
    }
  });

  it('gives every consumer the current shape: $all, subscriptions and the decider', async () => {
    const [, fromAll] = await store.readAll();
    expect(fromAll.metadata.schemaVersion).toBe(2);
    const subscription = store.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    await iterator.next();
    const second = await iterator.next();
    await subscription.close();
    expect(second.value).toMatchObject({
      kind: 'event',
      event: { data: { numerator: 85, denominator: 100 } },
    });

    const state = fold(
      measureDecider,
      (await store.readStream('measure-m-1')).map((e) => ({ type: e.type, data: e.data }) as MeasureEvent),
    );
    expect(seriesOf(state)?.units['townend-court']).toEqual([
      expect.objectContaining({ period: '2016-04', numerator: 85, denominator: 100, pct: 85 }),
    ]);
  });

  it('upcasts events read as JSON text too, and passes other types through as stored', async () => {
    const [definedText, measurementText] = await store.readAllSerialized();
    const [, measurement] = await store.readAll();
    expect(JSON.parse(measurementText.json)).toEqual(measurement);
    expect(measurement.metadata).toMatchObject({ schemaVersion: 2, storedSchemaVersion: 1 });
    const [storedDefined] = await inner.readAllSerialized();
    expect(definedText.json).toBe(storedDefined.json);
  });

  it('writes new events at the current version, so they are never upcast', () => {
    expect(new CatalogueService(AGGREGATES).schemaVersion('MeasurementRecorded')).toBe(2);
    expect(new CatalogueService(AGGREGATES).schemaVersion('MeasureDefined')).toBe(1);
  });

  it('refuses two upcasters for the same version, and chains versions in order', () => {
    const step = (from: number) => ({
      type: 'T',
      fromVersion: from,
      upcast: (d: never) => ({ ...(d as object), [`v${from + 1}`]: true }),
    });
    expect(() => new UpcasterRegistry([step(1), step(1)])).toThrow('Two upcasters for T@1');
    const registry = new UpcasterRegistry([step(1), step(2)]);
    const event = {
      ...{ id: 'x', streamId: 's', revision: 0, position: 1 },
      type: 'T',
      data: {},
      metadata: { ...metadata(1), recordedAt: 'r' },
    };
    expect(registry.upcast(event)).toMatchObject({
      data: { v2: true, v3: true },
      metadata: { schemaVersion: 3, storedSchemaVersion: 1 },
    });
  });
});
