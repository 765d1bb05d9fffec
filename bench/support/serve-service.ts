/**
 * The service on the embedded store in a process of its own, for HTTP
 * benches: `node bench/.work/build/bench/support/serve-service.js <folder> <synchronous> [store]` (compiled: see compiled.ts)
 * (the store defaults to a new one in the folder).
 * Prints its bench key (`key <key>`) and `listening <port>`; on SIGTERM prints `peak-rss-mb <n>` and exits.
 */
import { join } from 'node:path';
import { createApp } from '../../src/app.factory';
import { generateApiKey, hashApiKey } from '../../src/auth/api-keys';
import { loadConfig } from '../../src/config/load-config';

async function main(): Promise<void> {
  const [folder, synchronous = 'FULL', store] = process.argv.slice(2);
  // A programme-admin key of its own, and no rate limit in the way of the load.
  const key = generateApiKey();
  const app = await createApp(
    loadConfig({
      API_KEYS: JSON.stringify([
        { id: 'bench', role: 'programme-admin', organisations: '*', hash: hashApiKey(key) },
      ]),
      RATE_LIMIT_MAX: '10000000',
      LOG_LEVEL: 'warn',
      SQLITE_PATH: store ?? join(folder, 'events.sqlite'),
      STATE_SQLITE_PATH: join(folder, 'state.sqlite'),
      SQLITE_SYNCHRONOUS: synchronous,
      SEED_REGISTER_ON_EMPTY_STORE: 'false',
      WORKLIST_EVALUATE_INTERVAL_MS: '0',
      // No background as-of snapshot refresh sharing the CPU with what a bench measures (history.bench.ts measures as-of itself).
      AS_OF_SNAPSHOT_MONTHS: '0',
    }),
  );
  await app.listen(0, '127.0.0.1');
  process.on('SIGTERM', () => {
    process.stdout.write(`peak-rss-mb ${process.resourceUsage().maxRSS / 1024}\n`);
    void app.close().finally(() => process.exit(0));
  });
  process.stdout.write(`key ${key}\n`);
  process.stdout.write(`listening ${(app.getHttpServer().address() as { port: number }).port}\n`);
}

void main();
