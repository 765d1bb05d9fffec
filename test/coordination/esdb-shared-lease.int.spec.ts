import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { EsdbSharedLease } from '../../src/coordination/esdb-shared-lease';
import { EsdbDouble, startEsdbDouble } from '../support/esdb-double';
import { describeSharedLease } from './shared-lease.conformance';

let double: EsdbDouble;
let client: EventStoreDBClient;

describeSharedLease({
  name: 'esdb: @eventstore/db-client → gRPC wire double',
  open: async () => {
    double = await startEsdbDouble();
    client = EventStoreDBClient.connectionString(double.connectionString);
    return (options) => new EsdbSharedLease(client, options);
  },
  heldBy: async (name, holder) => {
    await client.appendToStream(
      `lease-${name}`,
      jsonEvent({ type: '$LeaseHeld', data: { owner: 'other', checkpoint: 0, ...holder } }),
    );
  },
  dispose: async () => {
    await client.dispose();
    await double.stop();
  },
});
