import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';

const root = join(__dirname, '../..');

interface Ack {
  position: number;
  ids: string[];
}

/** Runs the appender until it has acknowledged some appends, then SIGKILLs it at a random moment. */
function runAndKill(path: string, killAfterMs: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'test/support/crash-appender.ts', path],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const acks: Ack[] = [];
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [, position, ids] = line.split(' ');
        acks.push({ position: Number(position), ids: ids.split(',') });
        // Start the random countdown once the child is appending, so every run kills it mid-load.
        timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`appender exited with ${code}: ${stderr}`));
      else resolve(acks); // a partial last line was never acknowledged
    });
  });
}

describe('SQLite event store durability [sqlite: embedded file store, killed with SIGKILL]', () => {
  const folder = mkdtempSync(join(tmpdir(), 'aet-crash-'));
  const path = join(folder, 'events.sqlite');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps every acknowledged append exactly once, with gapless ordered positions, across 12 kills', async () => {
    const acknowledged: Ack[] = [];
    for (let run = 0; run < 12; run++) {
      const acks = await runAndKill(path, 20 + Math.floor(Math.random() * 250));
      expect(acks.length).toBeGreaterThan(0);
      acknowledged.push(...acks);

      const store = SqliteEventStore.open({ path });
      try {
        const all = await store.readAll();
        all.forEach((event, i) => expect(event.position).toBe(i + 1));
        const byId = new Map<string, number>();
        for (const event of all) byId.set(event.id, (byId.get(event.id) ?? 0) + 1);
        expect([...byId.values()].every((count) => count === 1)).toBe(true);
        for (const ack of acknowledged) {
          for (const id of ack.ids) expect(byId.get(id)).toBe(1);
          const last = all[ack.position - 1];
          expect(last.id).toBe(ack.ids[ack.ids.length - 1]);
        }
      } finally {
        await store.close();
      }
    }
    expect(acknowledged.length).toBeGreaterThan(12);
  }, 120_000);
});
