/**
 * One measurement in a process of its own, so its peak RSS is its own:
 *   rebuild-child.ts rebuild <store> <stateDir>  — every read model folded from 0 by the runner
 *   rebuild-child.ts scan <store>                — the baseline: the same rows read and JSON-parsed
 *   rebuild-child.ts startup <store> <stateDir>  — the service from start to /health/ready with snapshots present
 * Prints one JSON line.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/load-config';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { READ_MODELS } from '../../src/projections/catalogue';
import { ProjectionRunner } from '../../src/projections/runner/projection-runner';
import { SnapshotStore } from '../../src/projections/runner/snapshot-store';
import { openStateDatabase } from '../../src/state/state-database';

const rssMb = (): number => process.resourceUsage().maxRSS / 1024;

/**
 * What the heap holds once everything collectable is collected: what the
 * read models themselves take, which peak RSS (how far V8 lets garbage
 * grow before it collects) does not say.
 */
function liveHeapMb(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

async function rebuild(store: string, stateDir: string): Promise<object> {
  const events = SqliteEventStore.open({ path: store, synchronous: 'NORMAL' });
  const state = openStateDatabase(join(stateDir, 'state.sqlite'));
  const runner = new ProjectionRunner(events, new SnapshotStore(state), READ_MODELS);
  const head = await events.headPosition();
  const started = performance.now();
  runner.start();
  while (!runner.health().every((h) => h.status === 'live')) {
    if (runner.health().some((h) => h.status === 'failed')) throw new Error(JSON.stringify(runner.health()));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  const peak = rssMb();
  // Every model's state is still the runner's here.
  const heldMb = liveHeapMb();
  await runner.stop();
  await events.close();
  state.close();
  return { events: head, seconds, perSecond: head / seconds, rssMb: peak, liveHeapMb: heldMb };
}

function scan(store: string): object {
  const db = new Database(store, { readonly: true });
  const select = db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT 1000');
  const started = performance.now();
  let count = 0;
  for (let after = 0; ;) {
    const rows = select.all(after) as Array<{ position: number; data: string; metadata: string }>;
    for (const row of rows) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
      count++;
    }
    if (rows.length < 1000) break;
    after = rows[rows.length - 1].position;
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return { events: count, seconds, perSecond: count / seconds, rssMb: rssMb() };
}

async function startup(store: string, stateDir: string): Promise<object> {
  const started = performance.now();
  const app = await createApp(
    loadConfig({
      LOG_LEVEL: 'warn',
      SQLITE_PATH: store,
      STATE_SQLITE_PATH: join(stateDir, 'state.sqlite'),
      SEED_REGISTER_ON_EMPTY_STORE: 'false',
      DEV_API_KEY_ON_EMPTY_STORE: 'false',
      WORKLIST_EVALUATE_INTERVAL_MS: '0',
    }),
  );
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  while ((await fetch(`${url}/health/ready`)).status !== 200)
    await new Promise((resolve) => setTimeout(resolve, 20));
  const seconds = (performance.now() - started) / 1000;
  await app.close();
  return { seconds, rssMb: rssMb() };
}

async function main(): Promise<void> {
  const [task, store, stateDir] = process.argv.slice(2);
  const result =
    task === 'rebuild'
      ? await rebuild(store, stateDir)
      : task === 'scan'
        ? scan(store)
        : await startup(store, stateDir);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
