import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from '../support/until';

const root = join(__dirname, '../..');

interface Started {
  child: ChildProcess;
  url: string;
  stdout(): string;
  stderr(): string;
}

/** Starts the real entry point on an empty store and waits until it listens. */
function start(folder: string): Promise<Started> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      LOG_LEVEL: 'info',
      SEED_REGISTER_ON_EMPTY_STORE: 'false',
      SQLITE_PATH: join(folder, 'events.sqlite'),
      STATE_SQLITE_PATH: join(folder, 'state.sqlite'),
    },
  });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk) => {
      stdout += chunk.toString();
      const listening = /Listening on (http:\/\/[0-9.]+:\d+)/.exec(stdout);
      // main prints the banner before it serves anything: one answered request means it is out.
      if (listening) {
        const url = listening[1];
        void fetch(`${url}/health/live`).then(
          () => resolve({ child, url, stdout: () => stdout, stderr: () => stderr }),
          reject,
        );
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('the development key on a fresh clone [real process]', () => {
  const folder = mkdtempSync(join(tmpdir(), 'aet-devkey-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is created on the first start of an empty store, printed once with a warning, and works', async () => {
    const first = await start(folder);
    let key: string;
    try {
      expect(first.stderr()).toMatch(/WARNING: DEVELOPMENT API KEY/);
      key = /export AET_API_KEY='(aek_[A-Za-z0-9_-]{43})'/.exec(first.stderr())?.[1] as string;
      expect(key).toBeDefined();
      const file = join(folder, 'api-keys.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const stored = readFileSync(file, 'utf8');
      expect(stored).not.toContain(key);
      expect(JSON.parse(stored)).toMatchObject({
        keys: [
          {
            id: 'dev-admin',
            role: 'programme-admin',
            organisations: '*',
            hash: expect.stringMatching(/^sha256:/),
          },
        ],
      });
      const withKey = await fetch(`${first.url}/v1/export/events`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(withKey.status).toBe(200);
      expect((await fetch(`${first.url}/v1/export/events`)).status).toBe(401);
      // The request log says what was asked and answered, never the credential or the client address.
      const exportLines = (): Array<{ req: unknown }> =>
        first
          .stdout()
          .split('\n')
          .filter((line) => line.includes('"statusCode":200') && line.includes('"/v1/export/events"'))
          .map((line) => JSON.parse(line) as { req: unknown });
      await until(() => exportLines().length > 0, 'the answered request is logged');
      const logged = exportLines();
      expect(logged).toEqual([
        expect.objectContaining({
          req: { id: expect.any(String), method: 'GET', url: '/v1/export/events', userAgent: 'node' },
        }),
      ]);
      expect(first.stdout()).not.toContain(key);
      expect(first.stdout()).not.toMatch(/authorization|remoteAddress/i);
    } finally {
      await stop(first.child);
    }

    const second = await start(folder);
    try {
      expect(second.stderr()).not.toMatch(/DEVELOPMENT API KEY|aek_/);
      const again = await fetch(`${second.url}/v1/export/events`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(again.status).toBe(200);
    } finally {
      await stop(second.child);
    }
  });
});
