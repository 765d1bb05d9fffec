import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsdbDouble, startEsdbDouble } from '../support/esdb-double';
import { freePort } from '../support/free-port';
import { until } from '../support/until';
import { startTestApp, TestApp } from '../support/test-app';

/*
 * Runs only in the EventStoreDB e2e project (the `.esdb.e2e` name): it points
 * the app at an address where nothing listens yet, then starts a wire double there.
 */
const root = join(__dirname, '../..');

const ready = async (url: string): Promise<boolean> => (await fetch(`${url}/health/ready`)).status === 200;

describe('start-up with EventStoreDB unreachable [esdb: @eventstore/db-client → gRPC wire double, real HTTP]', () => {
  let double: EsdbDouble | undefined;
  afterEach(async () => {
    await double?.stop();
    double = undefined;
  });

  it('the app starts, /health/ready is 503 naming the unreachable server, then 200 once it is up', async () => {
    const port = await freePort();
    const app: TestApp = await startTestApp({
      EVENT_STORE: 'esdb',
      EVENTSTORE_CONNECTION_STRING: `esdb://127.0.0.1:${port}?tls=false`,
      EVENTSTORE_RECONNECT_MIN_MS: '20',
      EVENTSTORE_RECONNECT_MAX_MS: '200',
      // Its retry warnings are expected here; the second test reads them from the real process.
      LOG_LEVEL: 'error',
    });
    try {
      expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
      const response = await fetch(`${app.url}/health/ready`);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({
        status: 503,
        checks: {
          eventStore: {
            status: 'down',
            adapter: 'esdb',
            reason: expect.stringMatching(
              new RegExp(`^EventStoreDB at 127\\.0\\.0\\.1:${port} is unreachable: `),
            ),
          },
        },
      });
      double = await startEsdbDouble({ port });
      await until(() => ready(app.url), '/health/ready answers 200');
    } finally {
      await app.close();
    }
  });

  it('the real entry point keeps running and serving /health/ready 503 instead of exiting', async () => {
    const [esdbPort, httpPort] = [await freePort(), await freePort()];
    const folder = mkdtempSync(join(tmpdir(), 'aet-esdb-start-'));
    const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        PORT: String(httpPort),
        LOG_LEVEL: 'info',
        EVENT_STORE: 'esdb',
        EVENTSTORE_CONNECTION_STRING: `esdb://127.0.0.1:${esdbPort}?tls=false`,
        STATE_SQLITE_PATH: join(folder, 'state.sqlite'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    try {
      await until(async () => output.includes('Listening on'), 'the service listens');
      const url = `http://127.0.0.1:${httpPort}`;
      expect((await fetch(`${url}/health/ready`)).status).toBe(503);
      await until(async () => /retrying in \d+ ms/.test(output), 'it logs a retry with its delay');
      expect(child.exitCode).toBeNull();
      expect(output).toMatch(new RegExp(`EventStoreDB at 127\\.0\\.0\\.1:${esdbPort} is unreachable`));
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a connection string the client cannot read stops start-up with one clear line', () => {
    const folder = mkdtempSync(join(tmpdir(), 'aet-esdb-bad-'));
    try {
      const result = spawnSync(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          PORT: '0',
          EVENT_STORE: 'esdb',
          EVENTSTORE_CONNECTION_STRING: 'kurrentdb://localhost:2113?tls=false',
          STATE_SQLITE_PATH: join(folder, 'state.sqlite'),
        },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /^Start-up failed: EVENTSTORE_CONNECTION_STRING: not a usable EventStoreDB connection string \(Unexpected "kurrentdb:\/\/"/,
        ),
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
