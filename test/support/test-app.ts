import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppOptions, createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/load-config';
import type { EsdbDouble } from './esdb-double';
import { forgetCredential, rememberCredential, testKey } from './credentials';

export interface TestApp {
  app: NestFastifyApplication;
  /** e.g. http://127.0.0.1:41234 — tests talk real HTTP to it. */
  url: string;
  /** The folder holding the store (and api-keys.json, when a test writes one). */
  folder: string;
  /** A programme-admin key the app accepts (unless the test configured its own keys). */
  adminKey: string;
  /** `{ authorization: 'Bearer <adminKey>' }`: the helpers in http.ts send it by default. */
  auth: Record<string, string>;
  /** The EventStoreDB wire double the app runs on, when it has one of its own. */
  double?: EsdbDouble;
  close(): Promise<void>;
}

/**
 * Starts the whole application on a free port over real HTTP, on a fresh
 * store: a new embedded file in a temporary folder, or (EVENT_STORE=esdb with
 * no connection string) a new EventStoreDB wire double of its own.
 * Authentication stays on: the app gets a programme-admin key of its own,
 * which the http.ts helpers send, unless `env` configures keys or JWT itself.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: AppOptions = {},
): Promise<TestApp> {
  const folder = mkdtempSync(join(tmpdir(), 'aet-app-'));
  const admin = testKey('test-admin', 'programme-admin');
  const ownAuth = ['API_KEYS', 'API_KEYS_FILE', 'AUTH_MODE'].some((name) => name in env);
  const settings: Record<string, string> = {
    LOG_LEVEL: 'warn',
    SEED_REGISTER_ON_EMPTY_STORE: 'false',
    SQLITE_SYNCHRONOUS: 'NORMAL',
    // Tests send thousands of requests with one key, or none; the rate-limit tests set their own limits.
    RATE_LIMIT_MAX: '10000000',
    RATE_LIMIT_UNAUTHENTICATED_MAX: '10000000',
    // Transitions written on a timer would change what other tests count in the log; the worklist tests turn it on.
    WORKLIST_EVALUATE_INTERVAL_MS: '0',
    ...pick(process.env, ['EVENT_STORE', 'EVENTSTORE_CONNECTION_STRING']),
    SQLITE_PATH: join(folder, 'events.sqlite'),
    STATE_SQLITE_PATH: join(folder, 'state.sqlite'),
    ...(ownAuth ? {} : { API_KEYS: JSON.stringify([admin.entry]) }),
    ...env,
  };
  let double: EsdbDouble | undefined;
  let app: NestFastifyApplication;
  try {
    double =
      settings.EVENT_STORE === 'esdb' && !settings.EVENTSTORE_CONNECTION_STRING
        ? await esdbDouble().startEsdbDouble({
            now: options.now && (() => (options.now as () => Date)().getTime()),
          })
        : undefined;
    if (double) settings.EVENTSTORE_CONNECTION_STRING = double.connectionString;
    app = await createApp(loadConfig(settings), options);
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    // A start that fails (a broken setting in a test) leaves no temporary store behind.
    await double?.stop();
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  if (!ownAuth) rememberCredential(url, admin.key);
  return {
    app,
    url,
    folder,
    adminKey: admin.key,
    auth: ownAuth ? {} : { authorization: `Bearer ${admin.key}` },
    double,
    close: async () => {
      forgetCredential(url);
      // A close that throws (a test that broke the store on purpose) still leaves no temporary store behind.
      try {
        await app.close();
      } finally {
        await double?.stop();
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

/** The wire double, loaded only for a test on EventStoreDB: it loads gRPC and the client's protobufs. */
function esdbDouble(): typeof import('./esdb-double') {
  return require('./esdb-double') as typeof import('./esdb-double');
}

function pick(env: NodeJS.ProcessEnv, names: string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((n) => (env[n] ? [[n, env[n] as string]] : [])));
}
