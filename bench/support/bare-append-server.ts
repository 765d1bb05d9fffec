/**
 * The baseline for the commands bench: a bare Fastify endpoint that appends
 * the same event to the same SQLite schema with the same pragmas, one
 * immediate transaction per append (revision lookup + insert), and nothing
 * else — no validation, rules, idempotency or read models.
 * `node bench/.work/build/bench/support/bare-append-server.js <folder> <synchronous>` (compiled: see compiled.ts).
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Fastify from 'fastify';
import { SCHEMA } from '../../src/event-store/sqlite/schema';

async function main(): Promise<void> {
  const [folder, synchronous = 'FULL'] = process.argv.slice(2);
  const db = new Database(join(folder, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(SCHEMA);
  const revision = db.prepare('SELECT max(revision) AS r FROM events WHERE stream_id = ?');
  const insert = db.prepare(
    `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, occurred_at, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const append = db.transaction((stream: string, data: unknown) => {
    const next = ((revision.get(stream) as { r: number | null }).r ?? -1) + 1;
    const recordedAt = new Date().toISOString();
    const metadata = { occurredAt: recordedAt, recordedAt, sourceSystem: 'bench', schemaVersion: 1 };
    const { lastInsertRowid } = insert.run(
      stream,
      next,
      randomUUID(),
      'MeasurementRecorded',
      JSON.stringify(data),
      JSON.stringify(metadata),
      recordedAt,
      recordedAt,
    );
    return { streamId: stream, revision: next, position: Number(lastInsertRowid) };
  });
  const app = Fastify();
  app.post('/v1/commands/RecordMeasurement', async (request, reply) => {
    const body = request.body as { measureId: string };
    return reply.status(201).send(append.immediate(`measure-${body.measureId}`, body));
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.on('SIGTERM', () => {
    process.stdout.write(`peak-rss-mb ${process.resourceUsage().maxRSS / 1024}\n`);
    void app.close().finally(() => process.exit(0));
  });
  process.stdout.write(`listening ${(app.server.address() as { port: number }).port}\n`);
}

void main();
