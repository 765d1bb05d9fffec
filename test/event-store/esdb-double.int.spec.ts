import { EsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import { EsdbDouble, startEsdbDouble } from '../support/esdb-double';
import { describeEventStoreConformance } from './event-store.conformance';

/**
 * The production path: a double that advertises BatchAppend, as every server
 * since 21.10 does, so the client appends over it; and the older path, with
 * no ServerFeatures service, where the client falls back to Append.
 */
for (const batchAppend of [true, false]) {
  let double: EsdbDouble;
  describeEventStoreConformance({
    name: `esdb: @eventstore/db-client → gRPC wire double (${batchAppend ? 'BatchAppend' : 'Append'})`,
    idempotency: 'same-place',
    open: async () => {
      double = await startEsdbDouble({ batchAppend });
      return EsdbEventStore.open({ connectionString: double.connectionString });
    },
    dispose: async () => double.stop(),
  });
}
