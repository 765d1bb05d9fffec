import { ChildProcess, spawn } from 'node:child_process';
import { compiledService } from './compiled-service';
import { freePort } from './free-port';

/**
 * One real service process (the compiled service under plain node, as in
 * production) on a port that stays the same across kills and restarts, so a
 * proxy in front of it can keep its address.
 */
export class ServiceInstance {
  private child: ChildProcess | undefined;
  private log = '';
  private exited: Promise<void> = Promise.resolve();
  /** How many times it was killed with SIGKILL. */
  kills = 0;

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  static async create(name: string, env: Record<string, string>): Promise<ServiceInstance> {
    return new ServiceInstance(name, await freePort(), env);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Its output since it last started (stdout and stderr), for failure messages. */
  get output(): string {
    return this.log;
  }

  /** Starts it and waits until it answers /health/live. */
  async start(timeoutMs = 60_000): Promise<void> {
    if (this.child) throw new Error(`${this.name} is running`);
    this.log = '';
    const child = spawn(process.execPath, [compiledService()], {
      env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(this.port), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        if (this.child === child) this.child = undefined;
        resolve();
      }),
    );
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child !== child) throw new Error(`${this.name} exited while starting:\n${this.log}`);
      const live = await fetch(`${this.url}/health/live`).then(
        (response) => response.ok,
        () => false,
      );
      if (live) return;
      if (Date.now() > deadline)
        throw new Error(`${this.name} did not start in ${timeoutMs} ms:\n${this.log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  async kill(): Promise<void> {
    if (!this.child) return;
    this.kills += 1;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  signal(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  /** SIGTERM, and SIGKILL if it has not gone within `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
