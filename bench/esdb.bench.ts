/**
 * EventStoreDB adapter benchmark: appends/s and readAll events/s through the
 * EventStore port, each next to the same operation made directly with
 * @eventstore/db-client, both against the gRPC wire double (run in a child
 * process, so it does not share this process's event loop) in the same run.
 * It measures what the adapter adds on top of the client; the double is an
 * in-memory test fake, so no figure here says anything about EventStoreDB.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { EventStoreDBClient, FORWARDS, jsonEvent, START } from '@eventstore/db-client';
import { connectEsdb } from '../src/event-store/esdb/esdb-client';
import { NewEvent } from '../src/event-store';
import { EsdbEventStore } from '../src/event-store/esdb/esdb-event-store';
import { fmt, table, writeSection } from './support/results';

const quick = process.argv.includes('--quick');
const APPENDS = quick ? 500 : 3_000;
const CONCURRENCY = 16;
const READ_EVENTS = quick ? 10_000 : 100_000;
const STREAMS = 100;

function measurement(i: number): NewEvent {
  const correlationId = randomUUID();
  return {
    id: randomUUID(),
    type: 'MeasurementRecorded',
    data: { measureId: correlationId, period: '2018-03', unit: 'Ward 7', numerator: i % 40, denominator: 40 },
    metadata: {
      occurredAt: '2018-03-31T00:00:00.000Z',
      actor: 'bench',
      sourceSystem: 'bench',
      correlationId,
      causationId: null,
      schemaVersion: 1,
    },
  };
}

async function startDouble(): Promise<{ connectionString: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, '../test/support/esdb-double/main.ts')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const first = await lines[Symbol.asyncIterator]().next();
  lines.close();
  return { connectionString: String(first.value).trim(), stop: () => child.kill('SIGTERM') };
}

/** Runs `count` operations, `concurrency` at a time; returns operations per second. */
async function rate(
  count: number,
  concurrency: number,
  operation: (i: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await operation(next++);
    }),
  );
  return count / ((performance.now() - start) / 1000);
}

/** The rate over both halves together (equal work each). */
const harmonic = (a: number, b: number): number => 2 / (1 / a + 1 / b);

export async function runEsdbBench(): Promise<void> {
  const double = await startDouble();
  // The client the port uses (esdb-client.ts: every append a call of its own), so both sides make the same calls.
  const client = connectEsdb(double.connectionString);
  const store = EsdbEventStore.open({ connectionString: double.connectionString });
  try {
    const run = randomUUID().slice(0, 8);
    const raw = (i: number, e: NewEvent): Promise<unknown> =>
      client.appendToStream(`raw${run}-${i % STREAMS}`, [
        jsonEvent({ id: e.id, type: e.type, data: e.data as Record<string, unknown>, metadata: e.metadata }),
      ]);
    const port = (i: number, e: NewEvent): Promise<unknown> =>
      store.appendToStream(`port${run}-${i % STREAMS}`, [e]);
    // Warm both paths (channel, JIT) before timing either.
    await rate(200, 4, (i) => raw(i, measurement(i)));
    await rate(200, 4, (i) => port(i, measurement(i)));

    const rows: string[][] = [];
    for (const concurrency of [1, CONCURRENCY]) {
      // Halves in the order raw, port, port, raw, so neither side always runs warmer.
      const half = APPENDS / 2;
      const rawFirst = await rate(half, concurrency, (i) => raw(i, measurement(i)));
      const portFirst = await rate(half, concurrency, (i) => port(i, measurement(i)));
      const portSecond = await rate(half, concurrency, (i) => port(i, measurement(i)));
      const rawSecond = await rate(half, concurrency, (i) => raw(i, measurement(i)));
      const rawRate = harmonic(rawFirst, rawSecond);
      const portRate = harmonic(portFirst, portSecond);
      rows.push([
        `single-event appends/s, ${concurrency} in flight`,
        fmt(portRate),
        fmt(rawRate),
        fmt(portRate / rawRate, 2),
        '≥ 0.70',
      ]);
      console.log(rows[rows.length - 1].join('  '));
    }

    // What sending every append as a call of its own costs: the raw client on its default path
    // (BatchAppend, one stream for every append), which the port no longer takes (esdb-client.ts).
    const batched = EventStoreDBClient.connectionString(double.connectionString);
    try {
      const viaBatch = (i: number, e: NewEvent): Promise<unknown> =>
        batched.appendToStream(`batch${run}-${i % STREAMS}`, [
          jsonEvent({
            id: e.id,
            type: e.type,
            data: e.data as Record<string, unknown>,
            metadata: e.metadata,
          }),
        ]);
      await rate(200, 4, (i) => viaBatch(i, measurement(i)));
      for (const concurrency of [1, CONCURRENCY]) {
        const half = APPENDS / 2;
        const batchFirst = await rate(half, concurrency, (i) => viaBatch(i, measurement(i)));
        const unary = await rate(APPENDS, concurrency, (i) => raw(i, measurement(i)));
        const batchSecond = await rate(half, concurrency, (i) => viaBatch(i, measurement(i)));
        const batchRate = harmonic(batchFirst, batchSecond);
        rows.push([
          `raw client, single-event appends/s, ${concurrency} in flight: Streams.Append (port's path) | BatchAppend (client's default)`,
          fmt(unary),
          fmt(batchRate),
          fmt(unary / batchRate, 2),
          'reported',
        ]);
        console.log(rows[rows.length - 1].join('  '));
      }
    } finally {
      await batched.dispose();
    }

    for (let i = 0; i < READ_EVENTS; i += 100) {
      const batch = Array.from({ length: 100 }, (_, k) => measurement(i + k));
      await store.appendToStream(`read${run}-${(i / 100) % STREAMS}`, batch);
    }
    const readRaw = async (): Promise<number> => {
      const t = performance.now();
      let count = 0;
      for await (const resolved of client.readAll({ fromPosition: START, direction: FORWARDS })) {
        if (resolved.event && !resolved.event.type.startsWith('$')) count++;
      }
      return count / ((performance.now() - t) / 1000);
    };
    let portCount = 0;
    const readPort = async (): Promise<number> => {
      const t = performance.now();
      portCount = (await store.readAll()).length;
      return portCount / ((performance.now() - t) / 1000);
    };
    const [rawA, portA, portB, rawB] = [await readRaw(), await readPort(), await readPort(), await readRaw()];
    const rawRate = harmonic(rawA, rawB);
    const portRate = harmonic(portA, portB);
    rows.push([
      `readAll events/s (${fmt(portCount)} events, JSON parsed on both sides)`,
      fmt(portRate),
      fmt(rawRate),
      fmt(portRate / rawRate, 2),
      '≥ 0.50',
    ]);
    console.log(rows[rows.length - 1].join('  '));

    writeSection(
      'esdb',
      `## EventStoreDB adapter overhead over @eventstore/db-client — \`npm run bench:esdb\`${quick ? ' (quick)' : ''}\n\n` +
        `**This measures the adapter, not EventStoreDB.** Both sides run @eventstore/db-client 6.2.1 over gRPC against the in-memory wire double (test/support/esdb-double, in a child process), in the same run: the port (\`EsdbEventStore\`) next to the raw client making the same calls. ${fmt(APPENDS)} single-event appends across ${STREAMS} streams (each a Streams.Append call of its own on both sides, as the port sends them: src/event-store/esdb/esdb-client.ts); reads go through all of $all twice per side (raw, port, port, raw), the port converting and filtering every event, the raw side only dropping system events. The two rows on the raw client alone show what sending each append as a call of its own costs against the client's default BatchAppend stream (Append | BatchAppend, ratio Append / BatchAppend), in the same run. Real EventStoreDB adds fsync and network latency that dwarfs both.\n\n` +
        table(['measure', 'port (adapter)', 'raw client', 'port / raw', 'goal'], rows),
    );
  } finally {
    await store.close();
    await client.dispose();
    double.stop();
  }
}

if (require.main === module) {
  void runEsdbBench();
}
