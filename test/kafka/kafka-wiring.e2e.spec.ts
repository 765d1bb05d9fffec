import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

const root = join(__dirname, '../..');
const folder = mkdtempSync(join(tmpdir(), 'aet-kafka-wiring-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Starts the real entry point and returns its log once `line` appears (then stops it). */
function startupLog(env: Record<string, string>, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        PORT: '0',
        LOG_LEVEL: 'info',
        SQLITE_PATH: join(folder, `${Object.keys(env).join('-')}.sqlite`),
        STATE_SQLITE_PATH: join(folder, `${Object.keys(env).join('-')}-state.sqlite`),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes(line)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(log);
    });
  });
}

describe('Kafka wiring [real process and real HTTP; no broker needed]', () => {
  it('says at start-up that Kafka is off when KAFKA_BROKERS is empty', async () => {
    const log = await startupLog({}, 'Listening on');
    expect(log).toContain('"msg":"Kafka features off: KAFKA_BROKERS is empty"');
  });

  it('says so when brokers are configured but APP_ROLES has no relay', async () => {
    const log = await startupLog({ KAFKA_BROKERS: '127.0.0.1:1', APP_ROLES: 'api' }, 'Listening on');
    expect(log).toContain('Kafka relay not run here: APP_ROLES (api) does not include relay');
    expect(log).not.toContain('Kafka relay publishing');
  });

  it('says so when APP_ROLES has no commands (api alone does not run it), and names the topic when the consumer runs', async () => {
    const apiOnly = await startupLog(
      { KAFKA_BROKERS: '127.0.0.1:1', APP_ROLES: 'api,projections' },
      'Listening on',
    );
    expect(apiOnly).toContain(
      'Kafka command consumer not run here: APP_ROLES (api,projections) does not include commands',
    );
    expect(apiOnly).not.toContain('Kafka command consumer reading');
    const commands = await startupLog(
      { KAFKA_BROKERS: '127.0.0.1:1', APP_ROLES: 'commands' },
      'Listening on',
    );
    expect(commands).toContain(
      'Kafka command consumer reading always-events.commands.v1 (group always-events.command-consumer)',
    );
    expect(commands).toContain('KAFKA_COMMANDS_PRINCIPAL names no principal for always-events.commands.v1');
  });

  describe('with a broker that cannot be reached', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({
        LOG_LEVEL: 'fatal',
        KAFKA_BROKERS: '127.0.0.1:1',
        APP_ROLES: 'api,relay,commands',
      });
    });
    afterAll(async () => t.close());

    it('stays ready and shows the relay retrying, with the reason, in /health/ready', async () => {
      const deadline = Date.now() + 40_000;
      let body: {
        status: string;
        details: { kafkaRelay: { state: string; lastError?: { message: string } } };
      };
      let status: number;
      do {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const response = await fetch(`${t.url}/health/ready`);
        status = response.status;
        body = (await response.json()) as typeof body;
      } while (body.details.kafkaRelay.lastError === undefined && Date.now() < deadline);
      expect(status).toBe(200);
      expect(body.details.kafkaRelay).toMatchObject({
        status: 'up',
        state: 'retrying',
        lag: 0,
        lastError: { message: expect.stringMatching(/ECONNREFUSED 127\.0\.0\.1:1/) },
      });
    }, 60_000);

    it('shows the command consumer retrying, with the reason, in /health/ready', async () => {
      const deadline = Date.now() + 40_000;
      let commands: { status: string; state: string; lastError?: { message: string } };
      do {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const body = (await (await fetch(`${t.url}/health/ready`)).json()) as {
          details: { kafkaCommands: typeof commands };
        };
        commands = body.details.kafkaCommands;
      } while (commands.lastError === undefined && Date.now() < deadline);
      expect(commands).toMatchObject({
        status: 'up',
        state: 'retrying',
        lag: 'unknown',
        lastError: { message: expect.stringMatching(/ECONNREFUSED 127\.0\.0\.1:1/) },
      });
    }, 60_000);
  });
});
