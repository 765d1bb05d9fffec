import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStateDatabase } from '../../src/state/state-database';

/*
 * Runs only in the SQLite e2e project (the `.sqlite.e2e` name): each case starts
 * the real entry point with an environment of its own, mostly bad SQLite
 * files, so running it again on EventStoreDB would repeat it word for word.
 * EventStoreDB's start-up cases are in test/health/esdb-unreachable.esdb.e2e.spec.ts.
 */
const root = join(__dirname, '../..');
const folder = mkdtempSync(join(tmpdir(), 'aet-startup-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Starts the real entry point (src/main.ts) and expects it to refuse to start. */
function start(env: Record<string, string>): { status: number | null; stderr: string; stdout: string } {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      LOG_LEVEL: 'error',
      STATE_SQLITE_PATH: join(folder, 'state.sqlite'),
      ...env,
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function expectOneClearLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Start-up failed: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('start-up refuses bad settings with one clear line [real process]', () => {
  it('an unknown EVENT_STORE', () => {
    const { status, stderr } = start({ EVENT_STORE: 'postgres' });
    expect(status).toBe(1);
    expectOneClearLine(
      stderr,
      /EVENT_STORE must be one of the following values: sqlite, esdb \(got "postgres"\)/,
    );
  });

  it('a data folder that cannot be created', () => {
    const file = join(folder, 'a-file');
    writeFileSync(file, 'not a folder');
    const { status, stderr } = start({ SQLITE_PATH: join(file, 'events.sqlite') });
    expect(status).toBe(1);
    expectOneClearLine(
      stderr,
      /SQLITE_PATH=.*: the folder .* cannot be created or written \((EEXIST|ENOTDIR)/,
    );
  });

  it('a corrupt database file, which is left untouched', () => {
    const path = join(folder, 'corrupt.sqlite');
    writeFileSync(path, Buffer.concat([Buffer.from('garbage that is not SQLite '), Buffer.alloc(8192, 7)]));
    const before = sha(path);
    const { status, stderr } = start({ SQLITE_PATH: path });
    expect(status).toBe(1);
    expectOneClearLine(
      stderr,
      /SQLITE_PATH=.*corrupt\.sqlite: the file is not a usable SQLite database \(.*file is not a database.*left untouched/,
    );
    expect(sha(path)).toBe(before);
  });

  it("another application's SQLite database, which is left untouched", () => {
    const path = join(folder, 'foreign.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE patients (id INTEGER PRIMARY KEY)');
    db.close();
    const before = sha(path);
    const { status, stderr } = start({ SQLITE_PATH: path });
    expect(status).toBe(1);
    expectOneClearLine(stderr, /a SQLite database of another application; refusing to write to it/);
    expect(sha(path)).toBe(before);
  });

  it('a trust register to seed an empty store from that is not there', () => {
    const missing = join(folder, 'no-such-register.csv');
    const { status, stderr } = start({
      SQLITE_PATH: join(folder, 'seedless', 'events.sqlite'),
      REGISTER_CSV_PATH: missing,
    });
    expect(status).toBe(1);
    expectOneClearLine(stderr, new RegExp(`REGISTER_CSV_PATH: the trust register ${missing} does not exist`));
  });

  it('malformed rate-limit settings: one message per variable, and no store written', () => {
    const path = join(folder, 'limits', 'events.sqlite');
    const { status, stderr } = start({
      SQLITE_PATH: path,
      RATE_LIMIT_MAX: 'lots',
      RATE_LIMIT_BULK_ROLES: 'robots',
      RATE_LIMIT_WINDOW_MS: '5',
    });
    expect(status).toBe(1);
    expectOneClearLine(
      stderr,
      /^Start-up failed: Invalid configuration: RATE_LIMIT_MAX must be a whole number from 1 to 10000000 \(requests per credential per window\) \(got "lots"\); RATE_LIMIT_BULK_ROLES must be a comma-separated list of programme-admin, submitter, analyst, evaluator, auditor, metrics \(got \["robots"\]\); RATE_LIMIT_WINDOW_MS must be a whole number from 1000 to 86400000 \(milliseconds\) \(got 5\)$/,
    );
    expect(existsSync(path)).toBe(false);
  });

  it('EVENT_STORE=esdb without a connection string', () => {
    const { status, stderr } = start({ EVENT_STORE: 'esdb' });
    expect(status).toBe(1);
    expectOneClearLine(stderr, /EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=esdb/);
  });

  it('a port already in use', () => {
    mkdirSync(join(folder, 'port'), { recursive: true });
    const server = createServer();
    return new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', () => {
        const port = String((server.address() as AddressInfo).port);
        const { status, stderr } = start({
          PORT: port,
          SQLITE_PATH: join(folder, 'port', 'events.sqlite'),
          STATE_SQLITE_PATH: join(folder, 'port', 'state.sqlite'),
        });
        server.close();
        expect(status).toBe(1);
        expectOneClearLine(stderr, new RegExp(`PORT=${port}: .*already in use`));
        resolve();
      });
    });
  });

  it('a state file another running instance holds; once that instance is killed, the file opens', async () => {
    const own = join(folder, 'shared-state');
    mkdirSync(own, { recursive: true });
    const statePath = join(own, 'state.sqlite');
    const first = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        PORT: '0',
        LOG_LEVEL: 'info',
        SQLITE_PATH: join(own, 'first.sqlite'),
        STATE_SQLITE_PATH: statePath,
        SEED_REGISTER_ON_EMPTY_STORE: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => first.on('exit', () => resolve()));
    try {
      // Listening means its state file was opened long before.
      await new Promise<void>((resolve, reject) => {
        let out = '';
        const failed = (): void => reject(new Error(`the first instance did not start: ${out}`));
        const timer = setTimeout(failed, 60_000);
        void exited.then(failed);
        const look = (chunk: Buffer): void => {
          out += chunk.toString();
          if (/Listening on/.test(out)) {
            clearTimeout(timer);
            resolve();
          }
        };
        first.stdout.on('data', look);
        first.stderr.on('data', look);
      });
      const second = start({ SQLITE_PATH: join(own, 'second.sqlite'), STATE_SQLITE_PATH: statePath });
      expect(second.status).toBe(1);
      expectOneClearLine(
        second.stderr,
        new RegExp(`STATE_SQLITE_PATH=${statePath}: another process has this file open`),
      );
    } finally {
      first.kill('SIGKILL');
      await exited;
    }
    // The system drops a dead process's lock: nothing to clean up by hand.
    const db = openStateDatabase(statePath);
    db.close();
  }, 90_000);
});
