import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { describeEventStoreConformance } from './event-store.conformance';

const folder = mkdtempSync(join(tmpdir(), 'aet-conformance-'));

describeEventStoreConformance({
  name: 'sqlite: embedded file store',
  idempotency: 'stream',
  open: async () =>
    SqliteEventStore.open({
      path: join(folder, 'events.sqlite'),
      pollIntervalMs: 200,
    }),
  dispose: async () => rmSync(folder, { recursive: true, force: true }),
});
