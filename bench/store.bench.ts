/**
 * Store benchmark (issue 2): single-event appends/s and readAll events/s
 * through the EventStore port, each next to a raw better-sqlite3 loop doing
 * the same work on the same schema and pragmas in the same run.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent } from '../src/event-store';
import { SCHEMA } from '../src/event-store/sqlite/schema';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { fmt, table, writeSection } from './support/results';

const quick = process.argv.includes('--quick');
const APPENDS = quick ? 2_000 : 20_000;
const READ_EVENTS = quick ? 50_000 : 500_000;
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

function openRaw(path: string, synchronous: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(SCHEMA);
  return db;
}

async function appendsPerSecond(folder: string, synchronous: 'FULL' | 'NORMAL'): Promise<[number, number]> {
  const events = Array.from({ length: APPENDS }, (_, i) => newEvent(i));

  const raw = openRaw(join(folder, `raw-${synchronous}.sqlite`), synchronous);
  const revision = raw.prepare('SELECT max(revision) AS r FROM events WHERE stream_id = ?');
  const insert = raw.prepare(
    `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, occurred_at, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rawAppend = raw.transaction((stream: string, e: NewEvent) => {
    const r = (revision.get(stream) as { r: number | null }).r ?? -1;
    const recordedAt = new Date().toISOString();
    insert.run(
      stream,
      r + 1,
      e.id,
      e.type,
      JSON.stringify(e.data),
      JSON.stringify({ ...e.metadata, recordedAt }),
      e.metadata.occurredAt,
      recordedAt,
    );
  });
  let t = performance.now();
  events.forEach((e, i) => rawAppend.immediate(`measure-${i % STREAMS}`, e));
  const rawRate = APPENDS / ((performance.now() - t) / 1000);
  raw.close();

  const store = SqliteEventStore.open({ path: join(folder, `port-${synchronous}.sqlite`), synchronous });
  t = performance.now();
  for (let i = 0; i < events.length; i++) {
    await store.appendToStream(`measure-${i % STREAMS}`, [events[i]]);
  }
  const portRate = APPENDS / ((performance.now() - t) / 1000);
  await store.close();
  return [portRate, rawRate];
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
    for (const sync of ['FULL', 'NORMAL'] as const) {
      const [port, raw] = await appendsPerSecond(folder, sync);
      rows.push([
        `single-event appends/s (synchronous=${sync})`,
        fmt(port),
        fmt(raw),
        fmt(port / raw, 2),
        '≥ 0.70',
      ]);
      console.log(rows[rows.length - 1].join('  '));
    }
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
        `${fmt(APPENDS)} appends of one event across ${STREAMS} streams; the baseline is a raw better-sqlite3 loop with the same schema, pragmas and per-append transaction (revision lookup + insert). Reads page through $all and parse every event's JSON on both sides.\n\n` +
        table(['measure', 'port', 'raw better-sqlite3', 'port / raw', 'goal'], rows),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void runStoreBench();
}
