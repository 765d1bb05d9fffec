import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './free-port';
import { until } from './until';

const root = join(__dirname, '../..');

/** The service as a process of its own, restartable on the same port and files. */
export class ServiceProcess {
  readonly url: string;
  private child?: ChildProcess;
  logs: string[] = [];

  constructor(
    private readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', PORT: String(this.port), HOST: '127.0.0.1', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const run = this.logs.push('') - 1;
    const collect = (chunk: Buffer) => (this.logs[run] += chunk.toString());
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    await until(
      async () => {
        if (child.exitCode !== null) throw new Error(`The service exited at start-up:\n${this.logs[run]}`);
        return (await fetch(`${this.url}/health/ready`).catch(() => undefined))?.status === 200;
      },
      'the service is ready',
      120_000,
    );
  }

  /** SIGKILL: no shutdown hook runs, no last snapshot is written. */
  kill(): Promise<void> {
    return this.end('SIGKILL');
  }

  stop(): Promise<void> {
    return this.end('SIGTERM');
  }

  private async end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}

/** The service (not started) on a fresh embedded store in `folder`, the register seeded, accepting `keys` only. */
export async function serviceOnFreshStore(
  folder: string,
  keys: readonly object[],
  env: Record<string, string> = {},
): Promise<ServiceProcess> {
  return new ServiceProcess(await freePort(), {
    SQLITE_PATH: join(folder, 'events.sqlite'),
    STATE_SQLITE_PATH: join(folder, 'state.sqlite'),
    SEED_REGISTER_ON_EMPTY_STORE: 'true',
    DEV_API_KEY_ON_EMPTY_STORE: 'false',
    API_KEYS: JSON.stringify(keys),
    // As in startTestApp: no transitions written on a timer unless a test asks for them.
    WORKLIST_EVALUATE_INTERVAL_MS: '0',
    ...env,
  });
}
