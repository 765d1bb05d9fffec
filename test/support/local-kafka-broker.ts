import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '../../scripts/kafka-local.sh');

/**
 * A port free now, below Linux's ephemeral range (32768 and up). A port the system hands out for
 * `listen(0)` comes from that range, which outgoing connections draw on too: while a test had its
 * broker stopped, one took the broker's TLS port and the restart failed ("already in use").
 */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.on('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      server.close(() => resolve(bound === port));
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
    private readonly ports: { plain: number; controller: number; sasl: number; ssl: number },
    private readonly folder: string,
  ) {}

  /**
   * On free ports, or on KAFKA_OWN_BROKER_PORT and the three above it when set (for machines where
   * each developer has ports of their own; run one such test at a time then).
   */
  static async create(): Promise<LocalKafkaBroker> {
    const base = Number(process.env.KAFKA_OWN_BROKER_PORT);
    const ports =
      base > 0
        ? { plain: base, controller: base + 1, sasl: base + 2, ssl: base + 3 }
        : {
            plain: await freePort(),
            controller: await freePort(),
            sasl: await freePort(),
            ssl: await freePort(),
          };
    return new LocalKafkaBroker(ports, mkdtempSync(join(tmpdir(), 'aet-kafka-')));
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.ports.plain}`];
  }

  /** SASL/PLAIN, user `relay`, password `relay-secret`. */
  get saslBrokers(): string[] {
    return [`127.0.0.1:${this.ports.sasl}`];
  }

  /** TLS with a self-signed certificate, see caFile. */
  get sslBrokers(): string[] {
    return [`127.0.0.1:${this.ports.ssl}`];
  }

  get caFile(): string {
    return join(this.folder, `broker-${this.ports.plain}`, 'ca.pem');
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
      const env = {
        ...process.env,
        KAFKA_PORT: String(this.ports.plain),
        KAFKA_CONTROLLER_PORT: String(this.ports.controller),
        KAFKA_SASL_PORT: String(this.ports.sasl),
        KAFKA_SSL_PORT: String(this.ports.ssl),
        KAFKA_LOCAL_DIR: this.folder,
        KAFKA_STOP_WITH_PID: String(process.pid),
      };
      const child = spawn('bash', [SCRIPT, command], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`kafka-local.sh ${command} failed (${code}): ${stderr}`)),
      );
    });
  }
}
