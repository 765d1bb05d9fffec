import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent } from '../../src/event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { WalCheckpointer } from '../../src/event-store/sqlite/wal-checkpointer';

const root = join(__dirname, '../..');

const event = (i: number): NewEvent => ({
  id: randomUUID(),
  type: 'Counted',
  // About 1 KB an event, so a few thousand events are many pages.
  data: { i, padding: 'x'.repeat(1000) },
  metadata: {
    occurredAt: '2018-01-01T00:00:00Z',
    actor: 't',
    sourceSystem: 't',
    correlationId: 'c',
    causationId: `k-${i}`,
    schemaVersion: 1,
  },
});

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The WAL's checkpoints on a thread of their own (wal-checkpointer.ts), on the real embedded store file. */
describe('SQLite WAL checkpoints [sqlite: embedded file store]', () => {
  let folder: string;

  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'aet-wal-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('copies committed pages into the database file on its own thread, not in the commits', async () => {
    const path = join(folder, 'events.sqlite');
    const store = SqliteEventStore.open({ path, synchronous: 'NORMAL' });
    try {
      // The committing connection's own checkpoint is only a backstop, far above what is written here.
      expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(4_000);
      const before = statSync(path).size;
      for (let batch = 0; batch < 20; batch++) {
        await Promise.all(
          Array.from({ length: 100 }, (_, i) => store.appendToStream(`s-${i}`, [event(batch * 100 + i)])),
        );
      }
      // About 2 MB of events: the file grows only when a checkpoint copies pages into it.
      await until(() => statSync(path).size > before + 1_000_000);
      expect(await store.readAll()).toHaveLength(2_000);
    } finally {
      await store.close();
    }
    const again = SqliteEventStore.open({ path });
    expect(await again.headPosition()).toBe(2_000);
    await again.close();
  });

  it('checkpoints in the commits, as SQLite does by itself, when the thread stops', async () => {
    const db = new Database(join(folder, 'events.sqlite'));
    db.pragma('journal_mode = WAL');
    // A thread that cannot open its file ends at once.
    const checkpointer = new WalCheckpointer(db, join(folder, 'missing', 'events.sqlite'));
    await until(() => checkpointer.failure !== undefined);
    expect(String(checkpointer.failure)).toMatch(/directory does not exist/);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await checkpointer.stop();
    db.close();
  });

  it('lets a process that closes its store end, with the thread stopped', () => {
    const path = join(folder, 'events.sqlite');
    const script = `
      const { SqliteEventStore } = require('./src/event-store/sqlite/sqlite-event-store');
      (async () => {
        const store = SqliteEventStore.open({ path: ${JSON.stringify(path)} });
        await store.appendToStream('s', [{ id: '${randomUUID()}', type: 'T', data: {}, metadata: {
          occurredAt: '2018-01-01T00:00:00Z', actor: 't', sourceSystem: 't', correlationId: 'c', causationId: 'k', schemaVersion: 1 } }]);
        await store.close();
        console.log('closed');
      })();
    `;
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('closed');
    expect(run.status).toBe(0);
  });
});
