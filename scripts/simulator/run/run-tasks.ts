import { PlannedCommand } from '../commands';
import { Task } from '../plan/build-plan';

/**
 * Runs tasks with at most `concurrency` commands in flight: each task's
 * commands go one after another (so every stream sees its commands in plan
 * order), a task starts once every task it comes after is done, and the
 * first failure stops everything and is thrown.
 */
export async function runTasks(
  tasks: readonly Task[],
  send: (command: PlannedCommand) => Promise<void>,
  concurrency: number,
): Promise<void> {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const waitingOn = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const t of tasks) {
    for (const dependency of t.after) {
      if (!byId.has(dependency))
        throw new Error(`Task ${t.id} comes after ${dependency}, which is not in the plan`);
      dependents.set(dependency, [...(dependents.get(dependency) ?? []), t.id]);
    }
    waitingOn.set(t.id, new Set(t.after).size);
  }
  const ready: Task[] = tasks.filter((t) => waitingOn.get(t.id) === 0);
  let running = 0;
  let done = 0;
  let failure: unknown;
  let wake: () => void = () => undefined;
  let woken = new Promise<void>((resolve) => (wake = resolve));
  const signal = () => {
    wake();
    woken = new Promise<void>((resolve) => (wake = resolve));
  };

  async function worker(): Promise<void> {
    for (;;) {
      if (failure !== undefined || done === tasks.length) return;
      const next = ready.shift();
      if (!next) {
        if (running === 0) {
          failure ??= new Error(
            `${tasks.length - done} tasks can never start: their dependencies form a cycle`,
          );
          signal();
          return;
        }
        await woken;
        continue;
      }
      running++;
      try {
        for (const command of next.commands()) {
          if (failure !== undefined) break;
          await send(command);
        }
      } catch (error) {
        failure ??= error;
      }
      running--;
      done++;
      for (const id of dependents.get(next.id) ?? []) {
        const left = (waitingOn.get(id) ?? 0) - 1;
        waitingOn.set(id, left);
        if (left === 0) ready.push(byId.get(id) as Task);
      }
      signal();
    }
  }

  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, () => worker()));
  if (failure !== undefined) throw failure;
}
