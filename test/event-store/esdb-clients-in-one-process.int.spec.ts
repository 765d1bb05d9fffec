import { EsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import { EsdbDouble, startEsdbDouble } from '../support/esdb-double';
import { newEvent } from '../support/new-event';

const TARGET = 'esdb: @eventstore/db-client → gRPC wire double';

/**
 * The service holds two EventStoreDB clients in one process (the store's and
 * the leases'). @eventstore/db-client 6.2.1 settles every client's batch
 * appends from one map, so closing one client, or an error on its stream,
 * failed the other's pending appends and could crash the process. Appends go
 * as calls of their own (esdb-client.ts); these tests hold the double's
 * answers so that appends are pending when a client closes.
 */
describe(`EventStoreDB clients sharing a process [${TARGET}]`, () => {
  let double: EsdbDouble;
  let first: EsdbEventStore;
  let second: EsdbEventStore;

  beforeEach(async () => {
    double = await startEsdbDouble();
    first = EsdbEventStore.open({ connectionString: double.connectionString });
    second = EsdbEventStore.open({ connectionString: double.connectionString });
    // Each client has appended once, so each has whatever append channel it uses open.
    await first.appendToStream('clients-first', [newEvent('MeasurementRecorded', { n: 0 })]);
    await second.appendToStream('clients-second', [newEvent('MeasurementRecorded', { n: 0 })]);
  });
  afterEach(async () => {
    await first.close();
    await second.close();
    await double.stop();
  });

  it('sends each append as a call of its own, never on the shared batch-append stream', () => {
    expect(double.appendCountBy).toEqual({ append: 2, batchAppend: 0 });
  });

  it("closing one client leaves the other's pending appends to succeed", async () => {
    double.faults.replyDelayMs = 300;
    const pending = [1, 2, 3].map((n) =>
      second.appendToStream('clients-second', [newEvent('MeasurementRecorded', { n })]),
    );
    await double.appendsReceived(5);
    await first.close();

    const results = await Promise.allSettled(pending);

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const stored = await second.readStream('clients-second');
    expect(stored.map((e) => (e.data as { n: number }).n).sort()).toEqual([0, 1, 2, 3]);
  });
});
