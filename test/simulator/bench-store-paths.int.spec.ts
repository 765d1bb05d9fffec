import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { PersonalDataEventStore } from '../../src/personal-data/personal-data-event-store';
import { SqliteKeyStore } from '../../src/personal-data/sqlite-key-store';
import { buildBenchStore } from '../../bench/support/bench-store';

interface Content {
  events: number;
  streams: Map<string, unknown[]>;
  keys: unknown[];
}

/**
 * Every stream's events in revision order with everything the commands
 * decide: id, type, data (staff personal values opened: each is sealed under
 * a key made at random for the person, so the ciphertext differs between any
 * two builds), metadata but `recordedAt` (the wall clock at the append).
 * Global positions are left out: two senders interleave independent streams
 * differently. And the store's record of each idempotency key but its position.
 */
async function contentOf(path: string): Promise<Content> {
  const raw = SqliteEventStore.open({ path, synchronous: 'NORMAL' });
  const store = new PersonalDataEventStore(raw, new SqliteKeyStore(raw.db));
  try {
    const events = await store.readAll();
    const streams = new Map<string, unknown[]>();
    for (const { streamId, revision, id, type, data, metadata } of events) {
      const { recordedAt, ...decided } = metadata;
      expect(typeof recordedAt).toBe('string');
      streams.set(streamId, [...(streams.get(streamId) ?? []), { revision, id, type, data, decided }]);
    }
    const keys = raw.db
      .prepare('SELECT idempotency_key, fingerprint, command FROM idempotency_keys ORDER BY idempotency_key')
      .all();
    const sorted = new Map([...streams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { events: events.length, streams: sorted, keys };
  } finally {
    await store.close();
  }
}

describe('the bench store built through the batch path equals the one built a command at a time [sqlite, in-process]', () => {
  const folder = mkdtempSync(join(tmpdir(), 'aet-bench-paths-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('has the same streams, event ids, types, data, metadata (but recordedAt) and keys, in the same per-stream order', async () => {
    const options = { events: 0, scale: 0.1, seed: '7' };
    const single = await buildBenchStore(join(folder, 'single.sqlite'), { ...options, sender: 'single' });
    const batched = await buildBenchStore(join(folder, 'batched.sqlite'), { ...options, sender: 'batched' });

    expect(single.simulation).toMatchObject({ refused: 0, replayed: 0 });
    expect(batched.simulation).toMatchObject({ refused: 0, replayed: 0 });
    const one = await contentOf(single.path);
    const other = await contentOf(batched.path);
    expect(one.events).toBeGreaterThan(2_000);
    expect(other.events).toBe(one.events);
    expect([...other.streams.keys()]).toEqual([...one.streams.keys()]);
    for (const [streamId, events] of one.streams) {
      expect({ streamId, events: other.streams.get(streamId) }).toEqual({ streamId, events });
    }
    expect(other.keys).toEqual(one.keys);
  }, 300_000);
});
