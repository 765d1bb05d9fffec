import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runSimulation } from '../../scripts/simulator/run/run-simulation';
import { testKey } from '../support/credentials';
import { ServiceProcess, serviceOnFreshStore } from '../support/service-process';
import { READ_MODELS } from '../../src/projections/catalogue';
import { driverDiagramsProjection } from '../../src/projections/driver-diagrams/driver-diagrams.projection';
import { SnapshotStore, Snapshot } from '../../src/projections/runner/snapshot-store';
import { openStateDatabase } from '../../src/state/state-database';

/** The choices the CLI offers, in the catalogue's order. */
const READ_MODEL_NAMES = READ_MODELS.map((model) => model.name).join(', ');

const root = join(__dirname, '../..');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cliIn(folder: string, args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', 'src/cli/cli.ts', ...args], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      SQLITE_PATH: join(folder, 'events.sqlite'),
      STATE_SQLITE_PATH: join(folder, 'state.sqlite'),
      ...env,
    },
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `npm run cli -- <args> > file`, exactly as an evaluator types it. */
function cliToFile(folder: string, args: string[], file: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const quoted = args.map((a) => `'${a}'`).join(' ');
    const child = spawn('bash', ['-c', `npm run cli -- ${quoted} > '${file}'`], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        SQLITE_PATH: join(folder, 'events.sqlite'),
        STATE_SQLITE_PATH: join(folder, 'cli-state.sqlite'),
      },
      // No stdin: bash takes a socket there for a remote login and reads ~/.bashrc.
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: '', stderr }));
  });
}

describe('npm run cli [sqlite: embedded file store, real process]', () => {
  const folder = mkdtempSync(join(tmpdir(), 'aet-cli-'));
  const cli = (...args: string[]) => cliIn(folder, args);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('seeds the register idempotently, rebuilds offline, replays reproducibly and exports NDJSON', () => {
    const first = cli('seed-register');
    expect(first.status).toBe(0);
    const seeded = JSON.parse(first.stdout) as { written: number; alreadyThere: number };
    expect(seeded.written).toBeGreaterThan(218);
    expect(JSON.parse(cli('seed-register').stdout)).toMatchObject({
      written: 0,
      alreadyThere: seeded.written,
    });

    const rebuilt = cli('rebuild', 'spread');
    expect(rebuilt.status).toBe(0);
    expect(JSON.parse(rebuilt.stdout)).toMatchObject({
      name: 'spread',
      version: expect.any(Number),
      position: seeded.written,
    });

    // A model kept in the state file is rebuilt onto a store there, and its snapshot is one the service opens.
    const stored = cli('rebuild', 'driver-diagrams');
    expect(stored.status).toBe(0);
    const db = openStateDatabase(join(folder, 'state.sqlite'));
    try {
      const snapshot = new SnapshotStore(db).load('driver-diagrams') as Snapshot;
      expect(snapshot.state).toMatchObject({ generation: expect.any(Number), keys: { alwaysEvents: [] } });
      const opened = driverDiagramsProjection.storage?.open(db, snapshot.state, snapshot.position);
      expect(opened).toEqual(driverDiagramsProjection.initialState());
    } finally {
      db.close();
    }

    const a = cli('replay', 'spread', '--as-of', '2010-12-31');
    const b = cli('replay', 'spread', '--as-of', '2010-12-31');
    expect(a.status).toBe(0);
    const checksum = /sha256 ([0-9a-f]{64})/.exec(a.stderr)?.[1];
    expect(checksum).toBeDefined();
    expect(b.stderr).toContain(checksum);
    const state = JSON.parse(a.stdout) as { organisations: Record<string, { openDate: string }> };
    expect(Object.values(state.organisations).every((o) => o.openDate <= '2010-12-31')).toBe(true);

    const exported = cli('export', '--from', '2017-01-01', '--to', '2017-12-31');
    const lines = exported.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { metadata: { occurredAt: string } });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((e) => e.metadata.occurredAt.startsWith('2017'))).toBe(true);
    expect(exported.stderr).toContain(`exported ${lines.length} events`);

    const history = cli('history', 'organisation-RYX');
    expect(history.status).toBe(0);
    expect(JSON.parse(history.stdout.trim())).toMatchObject({
      type: 'OrganisationRegistered',
      streamId: 'organisation-RYX',
      metadata: { actor: expect.any(String) },
    });
  }, 180_000);

  it('writes --output whole, and only when the command succeeds', () => {
    const file = join(folder, 'out', 'events.ndjson');
    mkdirSync(join(folder, 'out'));
    const ok = cli('export', '--output', file);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('');
    expect(readFileSync(file, 'utf8').trim().split('\n').length).toBeGreaterThan(218);
    expect(readdirSync(join(folder, 'out'))).toEqual(['events.ndjson']);
  });

  describe('refuses arguments that are wrong in every way: one line on stderr, exit code, nothing written', () => {
    // A file where a folder should be: unwritable whoever runs the test (root ignores permission bits).
    const notAFolder = join(folder, 'not-a-folder');
    beforeAll(() => writeFileSync(notAFolder, 'a file'));

    const cases: Array<[string, string[], number, RegExp]> = [
      [
        'an unknown command, listing the commands',
        ['nope'],
        2,
        /^error: unknown command 'nope' \(commands: replay, export, verify, history, seed-register, rebuild, import, create-api-key, revoke-api-key\)$/,
      ],
      [
        'an unknown read model, listing the read models',
        ['replay', 'nope'],
        2,
        new RegExp(
          `^error: command-argument value 'nope' is invalid for argument 'readModel'\\. Allowed choices are ${READ_MODEL_NAMES}\\.$`,
        ),
      ],
      [
        'a date that does not exist',
        ['replay', 'spread', '--as-of', '2018-02-30'],
        2,
        /^error: option '--as-of <date>' argument '2018-02-30' is invalid\. Give a real date \(YYYY-MM-DD\) or an ISO 8601 date-time with a zone\.$/,
      ],
      [
        'a position that is not one',
        ['export', '--at-position', '-4'],
        2,
        /^error: option '--at-position <n>' argument '-4' is invalid\. Give a global position: a whole number ≥ 0\.$/,
      ],
      [
        'two knowledge bounds at once',
        ['replay', 'spread', '--as-known-at', '2019-01-01', '--at-position', '3'],
        2,
        /^error: option '--at-position <n>' cannot be used with option '--as-known-at <date>'$/,
      ],
      [
        'a missing input file',
        ['seed-register', '--file', join(folder, 'no.csv')],
        2,
        /^error: --file .*no\.csv: no such file$/,
      ],
      [
        'an output that cannot be written',
        ['export', '--output', join(notAFolder, 'x.ndjson')],
        2,
        /^error: --output .*not-a-folder\/x\.ndjson: cannot write there \(ENOTDIR\)$/,
      ],
      [
        'an output in a folder that does not exist',
        ['replay', 'spread', '--csv', '--output', join(folder, 'nowhere', 'r.csv')],
        2,
        /^error: --output .*nowhere\/r\.csv: cannot write there \(ENOENT\)$/,
      ],
      ['an unknown option', ['export', '--colour', 'red'], 2, /^error: unknown option '--colour'$/],
      [
        'a role that does not exist',
        ['create-api-key', '--id', 'x', '--role', 'robot'],
        2,
        /^error: option '--role <role>' argument 'robot' is invalid\. Allowed choices are programme-admin, submitter, analyst, evaluator, auditor, metrics\.$/,
      ],
      [
        'a stream that does not exist',
        ['history', 'organisation-NONE'],
        2,
        /^error: history: there is no stream organisation-NONE$/,
      ],
      [
        'a data cut that does not exist',
        ['verify', '6f1c1d8e-4c4e-4a51-9a53-1b1d3c5e7f90'],
        2,
        /^error: verify: there is no data cut 6f1c1d8e-4c4e-4a51-9a53-1b1d3c5e7f90$/,
      ],
    ];

    it.each(cases)('%s', (_what, args, exitCode, message) => {
      const before = readdirSync(folder).sort();
      const run = cli(...args);
      expect(run.status).toBe(exitCode);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(readdirSync(folder).sort()).toEqual(before);
    });

    it('a store that is not there, which it does not create', () => {
      const elsewhere = mkdtempSync(join(tmpdir(), 'aet-cli-none-'));
      try {
        const run = cliIn(elsewhere, ['export']);
        expect(run.status).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr.trim()).toMatch(
          /^error: SQLITE_PATH=.*events\.sqlite: there is no event store there/,
        );
        expect(existsSync(join(elsewhere, 'events.sqlite'))).toBe(false);
      } finally {
        rmSync(elsewhere, { recursive: true, force: true });
      }
    });
  });
});

describe('the read-only commands while the service runs [sqlite: embedded file store, real processes]', () => {
  const folder = mkdtempSync(join(tmpdir(), 'aet-cli-live-'));
  const admin = testKey('cli-admin', 'programme-admin');
  let service: ServiceProcess;

  beforeAll(async () => {
    service = await serviceOnFreshStore(folder, [admin.entry], { LOG_LEVEL: 'info' });
    await service.start();
    const simulated = await runSimulation({ url: service.url, seed: 'cli', scale: 0.05, apiKey: admin.key });
    expect(simulated.refused).toBe(0);
  }, 300_000);
  afterAll(async () => {
    await service?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('`export > x.ndjson` gives a file that parses completely, one event per line, nothing else', async () => {
    const file = join(folder, 'x.ndjson');
    // Commands keep arriving while it runs.
    let writing = true;
    const writer = (async () => {
      for (let n = 0; writing; n++) {
        const response = await fetch(`${service.url}/v1/commands/RegisterOrganisation`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.key}` },
          body: JSON.stringify({
            odsCode: `ZZ${String(n).padStart(3, '0')}`,
            name: `Practice ${n}`,
            type: 'GPPractice',
            regionCode: 'Y56',
            isNhsTrust: false,
            openDate: '2010-04-01',
          }),
        });
        expect(response.status).toBe(201);
      }
    })();
    const run = await cliToFile(folder, ['export'], file);
    writing = false;
    await writer;
    expect(run.status).toBe(0);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const events = lines.map((line) => JSON.parse(line) as { position: number; type: string });
    expect(events.length).toBeGreaterThan(1_000);
    expect(events.every((e, i) => i === 0 || e.position > events[i - 1].position)).toBe(true);
    expect(run.stderr).toMatch(new RegExp(`exported ${events.length} events`));
    // Nothing but the CLI's own lines and npm's banner: no application was started to read.
    expect(run.stderr).not.toMatch(/^\{/m);
  }, 120_000);

  it('`replay always-event-register --as-of 2018-03-31 --csv > r.csv` gives a CSV that parses completely, header first', async () => {
    const file = join(folder, 'r.csv');
    const run = await cliToFile(
      folder,
      ['replay', 'always-event-register', '--as-of', '2018-03-31', '--csv'],
      file,
    );
    expect(run.status).toBe(0);
    const text = readFileSync(file, 'utf8');
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['alwaysEventId', 'organisation.odsCode']));
    expect(text.split('\n')[0]).not.toMatch(/^\{/);
    expect(run.stderr).toMatch(/^always-event-register at position \d+: sha256 [0-9a-f]{64}$/m);
    // The service, meanwhile, kept answering.
    expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
  }, 120_000);

  it('`npm run cli -- replay nope > r.csv` fails with one line and leaves the file empty', async () => {
    const file = join(folder, 'nope.csv');
    const run = await cliToFile(folder, ['replay', 'nope'], file);
    expect(run.status).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      `error: command-argument value 'nope' is invalid for argument 'readModel'. Allowed choices are ${READ_MODEL_NAMES}.`,
    ]);
  });
});
