import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { productionNodeFlags } from './child-server';
import { compiledChild } from './compiled';

/**
 * Runs a bench script in its own process and answers the JSON line it prints
 * last. With the service's production V8 flags, as the HTTP bench servers
 * are: a rebuild or a restart in production runs inside the service, and the
 * flags move both (paired runs at 1M events: with the larger young generation
 * a rebuild from 0 ran at 64–66k events/s against 79k, and a restart from
 * snapshots took 3.3–3.5 s against 3.9–4.2 s).
 */
export function runChild<T>(script: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...productionNodeFlags(), ...compiledChild(script), ...args], {
      cwd: join(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = output.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`${script} ${args.join(' ')} exited with ${code}`));
      else resolve(JSON.parse(last) as T);
    });
  });
}
