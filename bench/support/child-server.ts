import { spawn } from 'node:child_process';
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
 * Starts a bench server script in its own process (so the load generator
 * does not share its event loop) and waits for its `listening <port>` line.
 */
export function startChildServer(
  script: string,
  args: string[],
  options: { cpu?: number } = {},
): Promise<ChildServer> {
  const command = [...(options.cpu === undefined ? [] : onCpu(options.cpu)), process.execPath];
  const child = spawn(command[0], [...command.slice(1), ...compiledChild(script), ...args], {
    cwd: join(__dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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
