import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteSharedLease } from '../../src/coordination/sqlite-shared-lease';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { describeSharedLease } from './shared-lease.conformance';

let folder: string;
let store: SqliteEventStore;

describeSharedLease({
  name: 'sqlite: the event store file',
  open: async () => {
    folder = mkdtempSync(join(tmpdir(), 'aet-lease-'));
    store = SqliteEventStore.open({ path: join(folder, 'events.sqlite') });
    return (options) => new SqliteSharedLease(store.db, options);
  },
  heldBy: async (name, holder) => {
    store.db
      .prepare(
        `INSERT OR REPLACE INTO leases (name, owner, host, pid, renewed_at, checkpoint) VALUES (?, 'other', ?, ?, ?, 0)`,
      )
      .run(name, holder.host, holder.pid, holder.renewedAt);
  },
  dispose: async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  },
});
