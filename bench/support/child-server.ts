import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compiledChild } from './compiled';
import { onCpu } from './cpu-pinning';

export interface ChildServer {
  url: string;
  /** Headers that authenticate with the server's own key, when it prints one. */
  auth: Record<string, string>;
  /** Stops the server and answers its peak resident set size, in MB. */
  stop(): Promise<number>;
}

/**
 * The V8 flags `npm run start:prod` gives the service (package.json is the one
 * place they are set), so a bench server runs as the service does in production.
 */
export function productionNodeFlags(): string[] {
  const scripts = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = scripts.scripts['start:prod'].split(/\s+/);
  return words.slice(words.indexOf('node') + 1, words.indexOf('dist/main.js'));
}

/**
 * Starts a bench server script in its own process (so the load generator
 * does not share its event loop), with the service's production V8 flags
 * (the bare baselines get them too: one runtime for both), and waits for its
 * `listening <port>` line.
 */
export function startChildServer(
  script: string,
  args: string[],
  options: { cpu?: number } = {},
): Promise<ChildServer> {
  const command = [...(options.cpu === undefined ? [] : onCpu(options.cpu)), process.execPath];
  // BENCH_CPU_PROF=<folder>: each server writes a V8 CPU profile there when it stops (docs/contributors/benchmarks.md).
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child = spawn(
    command[0],
    [...command.slice(1), ...productionNodeFlags(), ...profile, ...compiledChild(script), ...args],
    {
      cwd: join(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    void exited.then((code) => reject(new Error(`${script} exited with ${code} before listening`)));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening (\d+)/.exec(output)?.[1];
      if (!port) return;
      const key = /^key (\S+)$/m.exec(output)?.[1];
      resolve({
        url: `http://127.0.0.1:${port}`,
        auth: key ? { authorization: `Bearer ${key}` } : {},
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
          return Number(/peak-rss-mb ([\d.]+)/.exec(output)?.[1] ?? NaN);
        },
      });
    });
  });
}
