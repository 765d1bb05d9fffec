import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '../../src/domain/shared';
import { EsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import type { EventStore } from '../../src/event-store/port';
import type { RecordedEvent } from '../../src/event-store/recorded-event';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { EsdbKeyStore, keyStreamOf } from '../../src/personal-data/esdb-key-store';
import type { PersonalDataKeyStore } from '../../src/personal-data/key-store';
import { PersonalDataEventStore } from '../../src/personal-data/personal-data-event-store';
import { SqliteKeyStore } from '../../src/personal-data/sqlite-key-store';
import { EsdbDouble, startEsdbDouble } from '../support/esdb-double';
import { newEvent } from '../support/new-event';

const PERSON = '0b5a4a8e-6f1f-4d7c-9a55-3d2f0e9c1a11';
const OTHER = '7c0f3f4e-2b8a-4f55-8d0b-6a1e2c3d4f56';
const NAME = 'Philippa Quartermaine';
const stream = 'participation-always-events-england.RYX';

const confirmed = (personId: string, name: string) =>
  newEvent('ExecutiveSponsorConfirmed', {
    programmeSlug: 'always-events-england',
    odsCode: 'RYX',
    sponsor: { personId, title: 'Chief Nurse', isBoardLevel: true, name },
    confirmedOn: '2017-09-15',
    seniorSupport: true,
  });
const erased = (personId: string) =>
  newEvent('PersonalDataErased', { personId, reason: 'DPO case 17', erasedAt: '2018-01-01T00:00:00.000Z' });

interface Harness {
  name: string;
  inner: EventStore;
  keys: PersonalDataKeyStore;
  store: PersonalDataEventStore;
  /** Every byte the store keeps on disk, for a search for plaintext; undefined where nothing is on disk. */
  files(): Buffer | undefined;
  dispose(): Promise<void>;
}

async function sqlite(): Promise<Harness> {
  const folder = mkdtempSync(join(tmpdir(), 'aet-pd-'));
  const path = join(folder, 'events.sqlite');
  const inner = SqliteEventStore.open({ path, synchronous: 'NORMAL' });
  const keys = new SqliteKeyStore(inner.db);
  return {
    name: 'sqlite: embedded file store',
    inner,
    keys,
    store: new PersonalDataEventStore(inner, keys),
    files: () =>
      Buffer.concat(
        [path, `${path}-wal`].filter((file) => existsSync(file)).map((file) => readFileSync(file)),
      ),
    dispose: async () => {
      await inner.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function esdb(): Promise<Harness & { double: EsdbDouble }> {
  const double = await startEsdbDouble();
  const inner = EsdbEventStore.open({ connectionString: double.connectionString });
  const keys = new EsdbKeyStore(inner.client);
  return {
    name: 'esdb: @eventstore/db-client → gRPC wire double',
    double,
    inner,
    keys,
    store: new PersonalDataEventStore(inner, keys, { cacheMs: 2_000 }),
    files: () => undefined,
    dispose: async () => {
      await inner.close();
      await double.stop();
    },
  };
}

const sponsorOf = (event: RecordedEvent) => (event.data as { sponsor: Record<string, unknown> }).sponsor;

async function firstFromSubscription(store: EventStore, type: string): Promise<RecordedEvent> {
  const subscription = store.subscribeToAll();
  try {
    for await (const message of subscription) {
      if (message.kind === 'event' && message.event.type === type) return message.event;
    }
    throw new Error('subscription ended');
  } finally {
    await subscription.close();
  }
}

for (const open of [sqlite, esdb]) {
  describe(`personal data sealed under each person's key [${open === sqlite ? 'sqlite: embedded file store' : 'esdb: @eventstore/db-client → gRPC wire double'}]`, () => {
    let h: Harness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => h.dispose());

    it('stores only ciphertext, and every read path opens it', async () => {
      await h.store.appendToStream(stream, [confirmed(PERSON, NAME)]);

      const [raw] = await h.inner.readStream(stream);
      expect(JSON.stringify(raw.data)).not.toContain(NAME);
      expect(sponsorOf(raw).name).toMatch(new RegExp(`^pd1:${PERSON}:`));
      expect(sponsorOf(raw).title).toMatch(/^pd1:/);
      expect(sponsorOf(raw).isBoardLevel).toBe(true);
      expect(h.files()?.includes(NAME) ?? false).toBe(false);

      const expected = { personId: PERSON, name: NAME, title: 'Chief Nurse' };
      expect(sponsorOf((await h.store.readStream(stream))[0])).toMatchObject(expected);
      expect(sponsorOf((await h.store.readAll()).find((e) => e.streamId === stream)!)).toMatchObject(
        expected,
      );
      const serialized = (await h.store.readAllSerialized()).find(
        (e) => e.type === 'ExecutiveSponsorConfirmed',
      );
      expect(JSON.parse(serialized!.json).data.sponsor).toMatchObject(expected);
      expect(sponsorOf(await firstFromSubscription(h.store, 'ExecutiveSponsorConfirmed'))).toMatchObject(
        expected,
      );
      expect(await h.store.holdingStatus(PERSON)).toBe('held');
      expect(await h.store.holdingStatus(OTHER)).toBe('none');
    });

    it("passes $all's time bounds through to the store it wraps", async () => {
      await h.store.appendToStream(stream, [confirmed(PERSON, NAME)]);
      const ours = (events: Array<{ streamId?: string; json?: string }>) =>
        events.filter((e) => e.streamId === stream || e.json?.includes(stream));
      for (const read of [h.store.readAll.bind(h.store), h.store.readAllSerialized.bind(h.store)]) {
        expect(ours(await read({ occurredAtMax: '1900-01-01T00:00:00.000Z' }))).toHaveLength(0);
        expect(ours(await read({ recordedAtMax: '1900-01-01T00:00:00.000Z' }))).toHaveLength(0);
        expect(ours(await read({ occurredAtMax: '2100-01-01', recordedAtMax: '2100-01-01' }))).toHaveLength(
          1,
        );
      }
    });

    it('shows [erased] on every read path once the erasure is in the log, and destroys the key', async () => {
      await h.store.appendToStream(stream, [confirmed(PERSON, NAME), confirmed(OTHER, 'Other Person')]);
      const key = await h.keys.find(PERSON);
      expect(key).toBeDefined();

      await h.store.appendToStream(`personal-data-${PERSON}`, [erased(PERSON)]);

      expect(await h.keys.find(PERSON)).toBeUndefined();
      const [first, second] = await h.store.readStream(stream);
      expect(sponsorOf(first)).toMatchObject({
        personId: PERSON,
        name: '[erased]',
        title: '[erased]',
      });
      expect(sponsorOf(second)).toMatchObject({ name: 'Other Person', title: 'Chief Nurse' });
      const all = (await h.store.readAll()).filter((e) => e.streamId === stream);
      expect(sponsorOf(all[0]).name).toBe('[erased]');
      const serialized = (await h.store.readAllSerialized()).find((e) => e.json.includes(PERSON))!;
      expect(serialized.json).toContain('"name":"[erased]"');
      expect(sponsorOf(await firstFromSubscription(h.store, 'ExecutiveSponsorConfirmed')).name).toBe(
        '[erased]',
      );
      expect(await h.store.holdingStatus(PERSON)).toBe('erased');
      // On SQLite the key's bytes left the file and the WAL (secure_delete and a TRUNCATE checkpoint).
      const bytes = h.files();
      if (bytes) expect(bytes.includes(key!)).toBe(false);
    });

    it('refuses new personal data for an erased person with a DomainError naming the field', async () => {
      await h.store.appendToStream(stream, [confirmed(PERSON, NAME)]);
      await h.store.appendToStream(`personal-data-${PERSON}`, [erased(PERSON)]);
      const revision = await h.inner.streamRevision(stream);

      const attempt = h.store.appendToStream(stream, [confirmed(PERSON, 'Back Again')]);

      await expect(attempt).rejects.toBeInstanceOf(DomainError);
      await expect(attempt).rejects.toMatchObject({ rule: 'person-erased', field: 'sponsor.name' });
      expect(await h.inner.streamRevision(stream)).toBe(revision);
    });

    it('finishes an erasure whose key outlived it (a process killed between the two)', async () => {
      await h.store.appendToStream(stream, [confirmed(PERSON, NAME)]);
      // The erasure reaches the log without passing the layer that destroys the key.
      await h.inner.appendToStream(`personal-data-${PERSON}`, [erased(PERSON)]);
      expect(await h.keys.find(PERSON)).toBeDefined();

      const [event] = await new PersonalDataEventStore(h.inner, h.keys).readStream(stream);

      expect(sponsorOf(event).name).toBe('[erased]');
      expect(await h.keys.find(PERSON)).toBeUndefined();
    });
  });
}

describe('EventStoreDB key streams [esdb: @eventstore/db-client → gRPC wire double]', () => {
  it('keeps keys out of every $all reader, tombstones them on erasure, and a scavenge removes the record', async () => {
    const h = await esdb();
    try {
      await h.store.appendToStream(stream, [confirmed(PERSON, NAME)]);
      expect((await h.store.readAll()).map((e) => e.type)).toEqual(['ExecutiveSponsorConfirmed']);
      expect(h.double.log.stream(keyStreamOf(PERSON))).toHaveLength(1);

      await h.store.appendToStream(`personal-data-${PERSON}`, [erased(PERSON)]);

      expect(h.double.log.isTombstoned(keyStreamOf(PERSON))).toBe(true);
      // Until a scavenge the record is still in the log, as on a real server.
      expect(h.double.log.events.some((e) => e.stream === keyStreamOf(PERSON))).toBe(true);
      expect(h.double.log.scavenge()).toBe(1);
      // Only the tombstone stays, as on a server, so the name can never be used again.
      expect(h.double.log.events.some((e) => e.stream === keyStreamOf(PERSON) && !e.tombstone)).toBe(false);
      expect(sponsorOf((await h.store.readStream(stream))[0]).name).toBe('[erased]');
    } finally {
      await h.dispose();
    }
  });
});
