import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent } from '../../src/event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { newEvent } from '../support/new-event';
import { until } from '../support/until';

describe('a live SQLite subscription under steady appends [sqlite: embedded file store]', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'aet-subscription-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  /** Appends one event per commit while the subscription is live; answers how many pages it read for them. */
  async function pagesReadFor(appends: number, wakeDelayMs: number): Promise<number> {
    const store = SqliteEventStore.open({ path: join(folder, `events-${wakeDelayMs}.sqlite`), wakeDelayMs });
    const subscription = store.subscribeToAll();
    const received: RecordedEvent[] = [];
    let live = false;
    const reading = (async () => {
      for await (const message of subscription) {
        if (message.kind === 'caught-up') live = true;
        else received.push(message.event);
      }
    })();
    try {
      await until(() => live, 'the subscription is live');
      const pages = jest.spyOn(store, 'readAllRows');
      for (let i = 0; i < appends; i++) await store.appendToStream(`stream-${i}`, [newEvent('Happened')]);
      await until(() => received.length === appends, 'every event has arrived');
      expect(received.map((event) => event.streamId)).toEqual(
        Array.from({ length: appends }, (_, i) => `stream-${i}`),
      );
      return pages.mock.calls.length;
    } finally {
      await subscription.close();
      await reading;
      await store.close();
    }
  }

  it('reads the appends of a moment together, not each on its own', async () => {
    // Each append is a commit of its own, about a millisecond apart: well within one wake delay.
    expect(await pagesReadFor(10, 1000)).toBeLessThanOrEqual(3);
    // Without the delay every append wakes it for a page of its own.
    expect(await pagesReadFor(10, 0)).toBeGreaterThanOrEqual(10);
  });
});
