import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { commandClient, expectCreated, launchProgrammeWith, readyToEnrol } from '../commands/command-client';
import { startTestApp, TestApp } from '../support/test-app';

const FORMULA = '=HYPERLINK("http://x","y")';

describe('CSV the CLI writes is safe to open [sqlite: embedded file store, real process]', () => {
  let t: TestApp;
  let state: string;
  beforeAll(async () => {
    t = await startTestApp();
    state = mkdtempSync(join(tmpdir(), 'aet-cli-state-'));
    const client = commandClient(t.url);
    await launchProgrammeWith(client, ['RA1']);
    await readyToEnrol(client, 'RA1');
    expectCreated(
      await client.post('RenameOrganisation', {
        odsCode: 'RA1',
        newName: FORMULA,
        effectiveDate: '2017-11-01',
      }),
    );
  });
  afterAll(async () => {
    await t?.close();
    rmSync(state, { recursive: true, force: true });
  });

  it('replay --csv neutralises the formula the log holds', () => {
    const result = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', 'src/cli/cli.ts', 'replay', 'spread', '--csv'],
      {
        cwd: join(__dirname, '../..'),
        env: {
          PATH: process.env.PATH,
          LOG_LEVEL: 'warn',
          SQLITE_PATH: join(t.folder, 'events.sqlite'),
          STATE_SQLITE_PATH: join(state, 'state.sqlite'),
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(0);
    const rows = parse(result.stdout, { columns: true }) as Array<Record<string, string>>;
    const cells = rows.flatMap((row) => Object.values(row));
    expect(cells).toContain(`'${FORMULA}`);
    expect(cells.every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
  });
});
