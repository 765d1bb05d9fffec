import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '../../scripts/kafka-local.sh');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A broker of the test's own (scripts/kafka-local.sh on free ports, data in a
 * temporary folder), for tests that stop and restart it without disturbing
 * the shared one at KAFKA_BROKERS. Needs Java 17+ and Maven, as CI has.
 */
export class LocalKafkaBroker {
  private constructor(
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly folder: string,
  ) {}

  static async create(): Promise<LocalKafkaBroker> {
    const [port, controllerPort] = [await freePort(), await freePort()];
    const folder = mkdtempSync(join(tmpdir(), 'aet-kafka-'));
    return new LocalKafkaBroker(
      port,
      {
        ...process.env,
        KAFKA_PORT: String(port),
        KAFKA_CONTROLLER_PORT: String(controllerPort),
        KAFKA_LOCAL_DIR: folder,
      },
      folder,
    );
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  start(): Promise<void> {
    return this.run('start');
  }

  /** A clean shutdown (SIGTERM); the data stays for the next start. */
  stop(): Promise<void> {
    return this.run('stop');
  }

  async dispose(): Promise<void> {
    await this.run('stop').catch(() => undefined);
    rmSync(this.folder, { recursive: true, force: true });
  }

  private run(command: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn('bash', [SCRIPT, command], { env: this.env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`kafka-local.sh ${command} failed (${code}): ${stderr}`)),
      );
    });
  }
}
