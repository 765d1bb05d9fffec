import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findApiKey, parseApiKeys } from '../../src/auth/api-keys';

const root = join(__dirname, '../..');

/** The operator's way to issue and revoke keys: `npm run cli -- create-api-key | revoke-api-key`. */
describe('API key CLI [real process]', () => {
  const folder = mkdtempSync(join(tmpdir(), 'aet-keycli-'));
  const file = join(folder, 'keys.json');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['-r', '@swc-node/register', 'src/cli/cli.ts', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, API_KEYS_FILE: file },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('creates a key, storing only its hash, and revokes it', () => {
    const created = cli(
      'create-api-key',
      '--id',
      'trust-ryx-qi',
      '--role',
      'submitter',
      '--organisations',
      'RYX,RJ1',
    );
    expect(created.status).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^aek_/);
    expect(readFileSync(file, 'utf8')).not.toContain(key);
    const entries = parseApiKeys(readFileSync(file, 'utf8'), file);
    expect(findApiKey(entries, key)).toMatchObject({
      id: 'trust-ryx-qi',
      role: 'submitter',
      organisations: ['RYX', 'RJ1'],
    });

    expect(cli('revoke-api-key', '--id', 'trust-ryx-qi').status).toBe(0);
    expect(findApiKey(parseApiKeys(readFileSync(file, 'utf8'), file), key)).toBeUndefined();
  });

  it('refuses a duplicate id or an unknown role with one line', () => {
    expect(cli('create-api-key', '--id', 'twice', '--role', 'analyst').status).toBe(0);
    const again = cli('create-api-key', '--id', 'twice', '--role', 'analyst');
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe('error: API key id twice is configured twice');
    const root_ = cli('create-api-key', '--id', 'x', '--role', 'root');
    expect(root_.status).toBe(2);
    expect(root_.stderr.trim()).toBe(
      "error: option '--role <role>' argument 'root' is invalid. Allowed choices are programme-admin, submitter, analyst, evaluator, auditor, metrics.",
    );
  });
});
