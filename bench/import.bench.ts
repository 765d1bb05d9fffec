/**
 * Import benchmark (`npm run bench:import`): 100,000 measurement rows (200
 * weekly measures × 500 weeks) imported from a CSV file through the import
 * service in this process: file checks, parsing, screening, the gateway's
 * admission of every row (validation, authorisation) and the batched path
 * of the command handler (key claims, decisions, appends) on the embedded
 * store. The baseline, in the same run: the very events the import wrote,
 * appended again to a fresh store through the store's port in the same
 * group-commit batches, each append claiming its key (raw appends: no
 * parsing, commands or rules).
 *
 * `--weeks N` runs a shorter trial; `--profile FILE` writes a CPU profile of
 * the import phase alone.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.factory';
import type { Principal } from '../src/auth/principal';
import { CommandGateway } from '../src/commands/command-gateway';
import { StreamStateCache } from '../src/commands/stream-state-cache';
import { loadConfig } from '../src/config/load-config';
import { EVENT_STORE, EventStore } from '../src/event-store';
import { idempotencyFingerprint } from '../src/event-store/idempotency-claim';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { IMPORT_BATCH_ROWS, ImportService } from '../src/imports/import.service';
import { progress } from '../src/cli/progress';
import { writeCsv, TemplateRow } from '../scripts/simulator/returns-file';
import { measureSetup, UNIT_ID } from './support/measure-setup';
import { fmt, peakRssMb, table, writeSection } from './support/results';

const MEASURES = 200;
/** `--weeks N` for a shorter trial run, which leaves RESULTS.md alone. */
const weeksArg = process.argv.indexOf('--weeks');
const WEEKS = weeksArg > 0 ? Number(process.argv[weeksArg + 1]) : 500;
/** `--profile FILE`: a V8 CPU profile of the import alone (not the set-up or the baseline), for Chrome DevTools. */
const profileArg = process.argv.indexOf('--profile');
const PROFILE = profileArg > 0 ? process.argv[profileArg + 1] : undefined;
const ADMIN: Principal = {
  id: 'bench-import',
  role: 'programme-admin',
  organisations: '*',
  strategy: 'service',
};
/** The import's own group commit: each chunk of rows is decided and appended in one transaction. */
const BATCH = IMPORT_BATCH_ROWS;

function* rows(
  odsCode: string,
  alwaysEventId: string,
  measureIds: string[],
  weeks: string[],
): Generator<TemplateRow> {
  for (const week of weeks.slice(0, WEEKS)) {
    for (const [m, measureId] of measureIds.entries()) {
      const denominator = 40 + ((m * 7 + week.length) % 20);
      yield {
        record: 'measurement',
        ods_code: odsCode,
        always_event_id: alwaysEventId,
        measure_id: measureId,
        unit_id: UNIT_ID,
        period: week,
        numerator: Math.floor(denominator * 0.7),
        denominator,
      };
    }
  }
}

/** Heap in use after a full collection (`npm run bench:import` runs node with --expose-gc). */
function retainedHeapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with node --expose-gc (npm run bench:import does)');
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'aet-bench-import-'));
  try {
    const config = loadConfig({
      LOG_LEVEL: 'warn',
      SQLITE_PATH: join(folder, 'events.sqlite'),
      STATE_SQLITE_PATH: join(folder, 'state.sqlite'),
      SQLITE_SYNCHRONOUS: 'NORMAL',
      APP_ROLES: 'api',
      WORKLIST_EVALUATE_INTERVAL_MS: '0',
    });
    const app = await createApp(config);
    await app.init();
    const store = app.get<symbol, EventStore>(EVENT_STORE);
    const gateway = app.get(CommandGateway);
    const setup = measureSetup(MEASURES);
    for (const [i, draft] of setup.setup.entries()) {
      await gateway.submit(ADMIN, draft.name, draft.body, {
        idempotencyKey: `bench-setup-${i}`,
        sourceSystem: 'bench',
        correlationId: `bench-setup-${i}`,
        transport: 'internal',
      });
    }
    const csv = join(folder, 'measurements.csv');
    const count = await writeCsv(
      csv,
      rows(setup.odsCode, setup.alwaysEventId, setup.measureIds, setup.weeks),
    );
    const service = app.get(ImportService);
    const before = await store.headPosition();
    const heapBefore = retainedHeapMb();
    const bar = progress('import');
    const profiler = PROFILE ? await startProfiler() : undefined;
    const started = performance.now();
    const file = await service.check(csv, statSync(csv).size);
    const totals = { rows: 0, written: 0, replayed: 0, refused: 0, failed: 0 };
    for await (const _entry of service.run(
      ADMIN,
      csv,
      file,
      { programmeSlug: 'bench-programme', onProgress: (d, t) => bar.update(d, t) },
      totals,
    ))
      continue;
    const importSeconds = (performance.now() - started) / 1000;
    if (profiler && PROFILE) writeFileSync(PROFILE, JSON.stringify(await profiler.stop()));
    bar.stop();
    if (totals.written !== count) throw new Error(`Imported ${JSON.stringify(totals)} of ${count} rows`);
    const rssImport = peakRssMb();
    const cached = app.get(StreamStateCache).held();
    // What the process still holds once the garbage is collected: the read models and stream states the
    // new events grew, not the file (the peak RSS is mostly garbage V8 had not yet collected).
    const retained = retainedHeapMb() - heapBefore;

    // The same events, appended raw to a fresh store in the same batches, each claiming its key.
    const written = await store.readAll({ fromPosition: before + 1 });
    const raw = SqliteEventStore.open({ path: join(folder, 'raw.sqlite'), synchronous: 'NORMAL' });
    // The set-up's events first, untimed, so each stream is where the import found it.
    for (const event of await store.readAll({ toPosition: before })) {
      await raw.appendToStream(event.streamId, [
        { id: event.id, type: event.type, data: event.data, metadata: event.metadata },
      ]);
    }
    const rawStarted = performance.now();
    for (let i = 0; i < written.length; i += BATCH) {
      await Promise.all(
        written.slice(i, i + BATCH).map((event) =>
          raw.appendToStream(
            event.streamId,
            [{ id: event.id, type: event.type, data: event.data, metadata: event.metadata }],
            {
              expectedRevision: event.revision - 1 < 0 ? 'no_stream' : event.revision - 1,
              idempotency: {
                key: String(event.metadata.causationId),
                fingerprint: idempotencyFingerprint(event.streamId, String(event.metadata.requestHash)),
                command: 'RecordMeasurement',
              },
            },
          ),
        ),
      );
    }
    const rawSeconds = (performance.now() - rawStarted) / 1000;
    await raw.close();

    // Again: every row is already there, so the import writes nothing.
    const againStarted = performance.now();
    const again = { rows: 0, written: 0, replayed: 0, refused: 0, failed: 0 };
    for await (const _entry of service.run(
      ADMIN,
      csv,
      await service.check(csv, statSync(csv).size),
      { programmeSlug: 'bench-programme' },
      again,
    ))
      continue;
    const againSeconds = (performance.now() - againStarted) / 1000;
    await app.close();

    const importRate = count / importSeconds;
    const rawRate = written.length / rawSeconds;
    const result = table(
      ['measure', 'import', 'raw appends', 'import / raw', 'goal'],
      [
        [
          `rows/s, ${fmt(count)} measurement rows (CSV, ${fmt(statSync(csv).size / 2 ** 20, 1)} MiB)`,
          fmt(importRate),
          fmt(rawRate),
          fmt(importRate / rawRate, 2),
          '≥ 10,000 rows/s and ≥ 0.30',
        ],
        ['seconds', fmt(importSeconds, 1), fmt(rawSeconds, 1), '', ''],
        [
          'the same file again (every row replayed, nothing written), rows/s',
          fmt(count / againSeconds),
          '',
          '',
          '',
        ],
        ['peak RSS of the process after the import, MiB', fmt(rssImport), '', '', 'flat'],
        [
          'heap the import left behind after a full GC (read models, stream states), MiB; per row, bytes',
          `${fmt(retained, 1)}; ${fmt((retained * 2 ** 20) / count)}`,
          '',
          '',
          '',
        ],
        [
          "of which the command side's cached stream states hold, streams; events (bound: COMMAND_CACHE_MAX_EVENTS)",
          `${fmt(cached.streams)}; ${fmt(cached.events)} (${fmt(config.COMMAND_CACHE_MAX_EVENTS)})`,
          '',
          '',
          '',
        ],
      ],
    );
    console.log(result);
    if (WEEKS !== 500) return;
    writeSection(
      'import',
      `## Imports — \`npm run bench:import\`\n\n` +
        `${fmt(count)} RecordMeasurement rows (${MEASURES} weekly measures × ${WEEKS} weeks of one Always Event, set up through the commands) imported from a CSV file by the import service in-process on the embedded store (synchronous=NORMAL): file checks, streamed parsing, screening of every cell, the gateway's admission of every row (validation, authorisation) and the batched command path (key claims from the log, facts, decider, one group commit per ${BATCH} rows). ` +
        `Raw appends: the ${fmt(written.length)} events the import wrote, appended again to a fresh store through the same port in batches of ${BATCH} appends per turn, each claiming its key, in the same run.\n\n${result}`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The inspector's CPU profiler on this process, from now until `stop`. */
async function startProfiler(): Promise<{ stop(): Promise<object> }> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    async stop() {
      const { profile } = (await post('Profiler.stop')) as { profile: object };
      session.disconnect();
      return profile;
    },
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
