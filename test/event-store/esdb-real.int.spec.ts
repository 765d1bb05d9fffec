import { EsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import { describeEventStoreConformance } from './event-store.conformance';

/*
 * The conformance suite against a real EventStoreDB or KurrentDB. jest.config.js
 * includes this file only when EVENTSTORE_CONNECTION_STRING is set, and
 * `npm run test:esdb-real` refuses to run without it, so it never passes
 * without having run. A server that cannot be reached fails every test.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
if (!connectionString) {
  throw new Error(
    'Set EVENTSTORE_CONNECTION_STRING (e.g. esdb://localhost:2113?tls=false) to run this suite',
  );
}

describeEventStoreConformance({
  name: `esdb: @eventstore/db-client → real server at ${connectionString.replace(/\/\/[^@/]*@/, '//')}`,
  idempotency: 'same-place',
  open: async () => {
    const store = EsdbEventStore.open({ connectionString });
    // One clear failure for every test, rather than each timing out on its own.
    await store.ping().catch(async (error: unknown) => {
      await store.close();
      throw error;
    });
    return store;
  },
});
