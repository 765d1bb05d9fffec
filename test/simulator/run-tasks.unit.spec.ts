import { PlannedCommand } from '../../scripts/simulator/commands';
import { Task } from '../../scripts/simulator/plan/build-plan';
import { runTasks } from '../../scripts/simulator/run/run-tasks';

const commandOf = (task: string, i: number): PlannedCommand => ({
  name: 'StartTesting',
  body: { task, i },
  at: `2018-01-0${(i % 9) + 1}T09:00:00.000Z`,
  idempotencyKey: `${task}-${i}`,
});

function taskOf(id: string, after: string[], size: number): Task {
  return { id, after, size, commands: () => Array.from({ length: size }, (_, i) => commandOf(id, i)) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('running planned tasks', () => {
  it('sends each task in order, starts a task only after the tasks it comes after, and keeps at most N in flight', async () => {
    const tasks = [
      taskOf('programme', [], 3),
      ...['a', 'b', 'c', 'd', 'e'].map((o) => taskOf(`org-${o}`, ['programme'], 4)),
      taskOf('closing', ['org-a', 'org-b'], 2),
    ];
    const sent: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    await runTasks(
      tasks,
      async (command) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await tick();
        sent.push(command.idempotencyKey);
        inFlight--;
      },
      3,
    );

    expect(sent).toHaveLength(3 + 5 * 4 + 2);
    expect(maxInFlight).toBe(3);
    for (const task of tasks) {
      const own = sent.filter((key) => key.startsWith(`${task.id}-`));
      expect(own).toEqual(task.commands().map((c) => c.idempotencyKey));
      const first = sent.indexOf(own[0]);
      for (const dependency of task.after) {
        expect(
          sent.lastIndexOf(`${dependency}-${tasks.find((t) => t.id === dependency)!.size - 1}`),
        ).toBeLessThan(first);
      }
    }
  });

  it('stops at the first failure, sends nothing after it in that task, and throws it', async () => {
    const sent: string[] = [];
    const run = runTasks(
      [taskOf('one', [], 5), taskOf('two', ['one'], 5)],
      async (command) => {
        if (command.idempotencyKey === 'one-2') throw new Error('refused');
        sent.push(command.idempotencyKey);
      },
      4,
    );

    await expect(run).rejects.toThrow('refused');
    expect(sent).toEqual(['one-0', 'one-1']);
  });

  it('refuses a plan whose dependencies can never be met', async () => {
    await expect(
      runTasks([taskOf('a', ['b'], 1), taskOf('b', ['a'], 1)], async () => undefined, 2),
    ).rejects.toThrow(/cycle/);
    await expect(runTasks([taskOf('a', ['missing'], 1)], async () => undefined, 2)).rejects.toThrow(
      /not in the plan/,
    );
  });
});
