import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { buildBenchStore } from '../../bench/support/bench-store';

describe('a bench store built by the simulator through the command handlers [sqlite, in-process]', () => {
  const folder = mkdtempSync(join(tmpdir(), 'aet-bench-store-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('holds the register and the simulated programme, every event from a command, and is replaced on a rebuild', async () => {
    const path = join(folder, 'store.sqlite');
    const first = await buildBenchStore(path, { events: 0, scale: 0.05 });
    const second = await buildBenchStore(path, { events: 0, scale: 0.05 });

    expect(first.simulation).toMatchObject({ refused: 0, replayed: 0 });
    expect(second.events).toBe(first.events);
    expect(second.simulation.accepted).toBe(first.simulation.accepted);
    const store = SqliteEventStore.open({ path, synchronous: 'NORMAL' });
    try {
      const events = await store.readAll();
      expect(events).toHaveLength(first.events);
      expect(new Set(events.map((e) => e.metadata.sourceSystem))).toEqual(
        new Set(['ods-register', 'simulator']),
      );
      expect(events.every((e) => typeof e.metadata.commandName === 'string')).toBe(true);
      expect(events.some((e) => e.type === 'AlwaysEventStatementAgreed')).toBe(true);
    } finally {
      await store.close();
    }
  }, 300_000);
});
