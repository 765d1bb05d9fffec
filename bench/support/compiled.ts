import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BUILD = join(ROOT, 'bench', '.work', 'build');
let built = false;

/**
 * The command that runs a bench child script (one of tsconfig.bench.json's)
 * as the service runs in production: compiled JavaScript under plain node
 * (`node dist/main.js`). Under @swc-node/register a process would also hold
 * the TypeScript compiler (about 90 MB of the peak RSS the benches report)
 * and compile every module as it starts. Compiles once per bench process.
 */
export function compiledChild(script: string): string[] {
  if (!built) {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.bench.json'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    built = true;
  }
  return [join(BUILD, 'bench', 'support', script.replace(/\.ts$/, '.js'))];
}
