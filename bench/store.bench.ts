/**
 * Store benchmark: single-event appends/s and readAll events/s through the
 * EventStore port, each next to a raw better-sqlite3 loop doing the same work
 * on the same schema and pragmas in the same run. Also what the store's own
 * guarantees cost: the raw loop on the schema before them (ids unique per
 * stream only), appends that claim an idempotency key, and the one-time
 * upgrade of a version-1 file (its keys read back from the events).
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent } from '../src/event-store';
import { idempotencyFingerprint } from '../src/event-store/idempotency-claim';
import { SCHEMA, upgradeSchema } from '../src/event-store/sqlite/schema';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { fmt, table, writeSection } from './support/results';

const quick = process.argv.includes('--quick');
const APPENDS = quick ? 2_000 : 20_000;
const READ_EVENTS = quick ? 50_000 : 500_000;
const UPGRADE_EVENTS = quick ? 50_000 : 1_000_000;
const STREAMS = 100;

function newEvent(i: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'MeasurementRecorded',
    data: { measureId: randomUUID(), period: '2018-03', unit: 'Ward 7', numerator: i % 40, denominator: 40 },
    metadata: {
      occurredAt: '2018-03-31T00:00:00.000Z',
      actor: 'bench',
      sourceSystem: 'bench',
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 1,
    },
  };
}

/** The schema before the store kept its own guarantees: ids unique per stream only. */
const SCHEMA_V1 = SCHEMA.replace(
  'UNIQUE (stream_id, revision)',
  'UNIQUE (stream_id, revision), UNIQUE (stream_id, event_id)',
);

function openRaw(path: string, synchronous: string, schema: 'current' | 'v1'): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  if (schema === 'v1') db.exec(SCHEMA_V1);
  else {
    db.exec(SCHEMA);
    upgradeSchema(db, 0);
  }
  return db;
}

const keyOf = (i: number): string => `bench-key-${i}`;

/** The raw loop: revision lookup + insert (+ the key's row, when claimed) in one immediate transaction each. */
function rawAppendsPerSecond(
  path: string,
  synchronous: string,
  schema: 'current' | 'v1',
  claim: boolean,
): number {
  const events = Array.from({ length: APPENDS }, (_, i) => newEvent(i));
  const raw = openRaw(path, synchronous, schema);
  const revision = raw.prepare('SELECT max(revision) AS r FROM events WHERE stream_id = ?');
  const insert = raw.prepare(
    `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, occurred_at, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertKey = raw.prepare(
    'INSERT INTO idempotency_keys (idempotency_key, fingerprint, command, position) VALUES (?, ?, ?, ?)',
  );
  const rawAppend = raw.transaction((stream: string, e: NewEvent, i: number) => {
    const r = (revision.get(stream) as { r: number | null }).r ?? -1;
    const recordedAt = new Date().toISOString();
    const { lastInsertRowid } = insert.run(
      stream,
      r + 1,
      e.id,
      e.type,
      JSON.stringify(e.data),
      JSON.stringify({ ...e.metadata, recordedAt }),
      e.metadata.occurredAt,
      recordedAt,
    );
    if (claim)
      insertKey.run(keyOf(i), idempotencyFingerprint(stream, 'hash'), 'RecordMeasurement', lastInsertRowid);
  });
  const t = performance.now();
  events.forEach((e, i) => rawAppend.immediate(`measure-${i % STREAMS}`, e, i));
  const rate = APPENDS / ((performance.now() - t) / 1000);
  raw.close();
  return rate;
}

async function portAppendsPerSecond(
  path: string,
  synchronous: 'FULL' | 'NORMAL',
  claim: boolean,
): Promise<number> {
  const events = Array.from({ length: APPENDS }, (_, i) => newEvent(i));
  const store = SqliteEventStore.open({ path, synchronous });
  const t = performance.now();
  for (let i = 0; i < events.length; i++) {
    const stream = `measure-${i % STREAMS}`;
    await store.appendToStream(stream, [events[i]], {
      idempotency: claim
        ? { key: keyOf(i), fingerprint: idempotencyFingerprint(stream, 'hash'), command: 'RecordMeasurement' }
        : undefined,
    });
  }
  const rate = APPENDS / ((performance.now() - t) / 1000);
  await store.close();
  return rate;
}

/** Opens a version-1 file of UPGRADE_EVENTS keyed events: the one-time scan that records their keys. */
async function upgradeSeconds(folder: string): Promise<number> {
  const path = join(folder, 'v1.sqlite');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(SCHEMA_V1);
  db.pragma(`application_id = ${0x41455654}`);
  db.pragma('user_version = 1');
  const insert = db.prepare(
    `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, occurred_at, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < UPGRADE_EVENTS; i++) {
      const e = newEvent(i);
      const metadata = {
        ...e.metadata,
        causationId: keyOf(i),
        requestHash: randomUUID(),
        commandName: 'RecordMeasurement',
      };
      insert.run(
        `measure-${i % 1000}`,
        Math.floor(i / 1000),
        e.id,
        e.type,
        JSON.stringify(e.data),
        JSON.stringify({ ...metadata, recordedAt: e.metadata.occurredAt }),
        e.metadata.occurredAt,
        e.metadata.occurredAt,
      );
    }
  })();
  db.close();
  const t = performance.now();
  const store = SqliteEventStore.open({ path, synchronous: 'NORMAL' });
  const seconds = (performance.now() - t) / 1000;
  if (store.upgrade?.keysRecorded !== UPGRADE_EVENTS)
    throw new Error(`upgrade recorded ${store.upgrade?.keysRecorded} keys`);
  await store.close();
  return seconds;
}

async function readsPerSecond(folder: string): Promise<[number, number]> {
  const path = join(folder, 'read.sqlite');
  const store = SqliteEventStore.open({ path, synchronous: 'NORMAL' });
  const db = (store as unknown as { db: Database.Database }).db;
  const insert = db.prepare(
    `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, occurred_at, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < READ_EVENTS; i++) {
      const e = newEvent(i);
      insert.run(
        `measure-${i % STREAMS}`,
        Math.floor(i / STREAMS),
        e.id,
        e.type,
        JSON.stringify(e.data),
        JSON.stringify({ ...e.metadata, recordedAt: e.metadata.occurredAt }),
        e.metadata.occurredAt,
        e.metadata.occurredAt,
      );
    }
  })();
  const page = 1000;

  const rawSelect = db.prepare('SELECT * FROM events WHERE position >= ? ORDER BY position LIMIT ?');
  let t = performance.now();
  let count = 0;
  for (let from = 1; ;) {
    const rows = rawSelect.all(from, page) as Array<{ position: number; data: string; metadata: string }>;
    for (const row of rows) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
      count++;
    }
    if (rows.length < page) break;
    from = rows[rows.length - 1].position + 1;
  }
  const rawRate = count / ((performance.now() - t) / 1000);

  t = performance.now();
  count = 0;
  for (let from = 1; ;) {
    const events = await store.readAll({ fromPosition: from, maxCount: page });
    count += events.length;
    if (events.length < page) break;
    from = events[events.length - 1].position + 1;
  }
  const portRate = count / ((performance.now() - t) / 1000);
  await store.close();
  return [portRate, rawRate];
}

export async function runStoreBench(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'aet-bench-store-'));
  try {
    const rows: string[][] = [];
    const costs: string[][] = [];
    for (const sync of ['FULL', 'NORMAL'] as const) {
      const raw = rawAppendsPerSecond(join(folder, `raw-${sync}.sqlite`), sync, 'current', false);
      const port = await portAppendsPerSecond(join(folder, `port-${sync}.sqlite`), sync, false);
      const before = rawAppendsPerSecond(join(folder, `raw-v1-${sync}.sqlite`), sync, 'v1', false);
      rows.push([
        `single-event appends/s (synchronous=${sync})`,
        fmt(port),
        fmt(raw),
        fmt(port / raw, 2),
        '≥ 0.70',
      ]);
      costs.push([`raw appends/s (synchronous=${sync})`, fmt(raw), fmt(before), fmt(raw / before, 2)]);
      console.log(rows[rows.length - 1].join('  '));
    }
    const rawClaim = rawAppendsPerSecond(join(folder, 'raw-claim.sqlite'), 'NORMAL', 'current', true);
    const portClaim = await portAppendsPerSecond(join(folder, 'port-claim.sqlite'), 'NORMAL', true);
    rows.push([
      'appends/s claiming an idempotency key each (synchronous=NORMAL)',
      fmt(portClaim),
      fmt(rawClaim),
      fmt(portClaim / rawClaim, 2),
      '≥ 0.70',
    ]);
    console.log(rows[rows.length - 1].join('  '));
    const upgrade = await upgradeSeconds(folder);
    console.log(`upgrade of a version-1 file of ${fmt(UPGRADE_EVENTS)} keyed events: ${fmt(upgrade, 2)} s`);
    const [port, raw] = await readsPerSecond(folder);
    rows.push([
      `readAll events/s (pages of 1,000, ${fmt(READ_EVENTS)} events)`,
      fmt(port),
      fmt(raw),
      fmt(port / raw, 2),
      '≥ 0.50',
    ]);
    console.log(rows[rows.length - 1].join('  '));
    writeSection(
      'store',
      `## Event store (SQLite adapter) — \`npm run bench:store\`${quick ? ' (quick)' : ''}\n\n` +
        `${fmt(APPENDS)} appends of one event across ${STREAMS} streams; the baseline is a raw better-sqlite3 loop with the same schema, pragmas and per-append transaction (revision lookup + insert, and the key's row where a key is claimed). Reads page through $all and parse every event's JSON on both sides.\n\n` +
        table(['measure', 'port', 'raw better-sqlite3', 'port / raw', 'goal'], rows) +
        `\n\n### What the store's own guarantees cost\n\n` +
        `The raw loop on today's schema (every event id unique in the file, one index on \`event_id\`) next to the same loop on the schema before it (ids unique per stream: an index on \`(stream_id, event_id)\`). Claiming a key adds one row to \`idempotency_keys\` in the append's transaction (the row above). Upgrading a version-1 file reads every event's key back from its metadata, once.\n\n` +
        table(['measure', 'ids unique in the store', 'ids unique per stream (before)', 'ratio'], costs) +
        `\n\nUpgrade of a version-1 file of ${fmt(UPGRADE_EVENTS)} keyed events (keys recorded, duplicate ids checked, unique index built): ${fmt(upgrade, 2)} s, once.`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void runStoreBench();
}
