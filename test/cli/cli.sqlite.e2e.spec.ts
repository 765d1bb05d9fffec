import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const folder = mkdtempSync(join(tmpdir(), 'aet-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', 'src/cli/cli.ts', ...args], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: 'warn',
      SQLITE_PATH: join(folder, 'events.sqlite'),
      STATE_SQLITE_PATH: join(folder, 'state.sqlite'),
    },
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run cli [sqlite: embedded file store, real process]', () => {
  it('seeds the register idempotently, rebuilds, replays reproducibly and exports NDJSON', () => {
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
      status: 'live',
      position: seeded.written,
    });

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

    const unknown = cli('rebuild', 'no-such-model');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^Failed: /);
  }, 120_000);
});
