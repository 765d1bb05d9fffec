import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * On a two-core machine the load generator and the server under test share
 * the CPUs; whichever the scheduler favours in a run moved the figures by a
 * fifth from one run to the next. With taskset (util-linux) each gets a core
 * of its own. Elsewhere nothing is pinned and the runs say so.
 */
export const canPin = ((): boolean => {
  if (availableParallelism() < 2) return false;
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The command prefix that runs a child on `cpu` (all its threads), when pinning is possible. */
export const onCpu = (cpu: number): string[] => (canPin ? ['taskset', '-c', String(cpu)] : []);

/** Pins every thread of this process to `cpus` (e.g. '0' or '0-1'), when pinning is possible. */
export function pinSelf(cpus: string): void {
  if (canPin) execFileSync('taskset', ['-a', '-p', '-c', cpus, String(process.pid)], { stdio: 'ignore' });
}
