import { EventStoreDBClient } from '@eventstore/db-client';

const BATCH_APPEND = '/event_store.client.streams.Streams/BatchAppend';

/** The client's own feature check, which its appendToStream asks before taking the batch-append stream. */
interface FeatureCheck {
  supports(method: { path: string }, feature?: string): Promise<boolean>;
}

/**
 * A client for the connection string that sends each append as a call of
 * its own (Streams.Append), never on the batch-append stream.
 *
 * Why: @eventstore/db-client 6.2.1 keeps the pending batch appends of every
 * client in the process in one map. An error on any client's batch stream
 * (a dispose at shutdown, a dropped connection) rejects and forgets the
 * pending appends of every other client, and the answer that then arrives
 * for one of them throws a TypeError out of the client's event handler,
 * where no caller can catch it: the process dies. The service runs two
 * clients (the store's and the leases'). The KurrentDB client fixed this
 * (one map per call stream); this client has no release with the fix. A
 * unary append is a call with its own outcome, which nothing else settles.
 */
export function connectEsdb(connectionString: string): EventStoreDBClient {
  const client = EventStoreDBClient.connectionString(connectionString);
  const internals = client as unknown as FeatureCheck;
  const supports = internals.supports.bind(client);
  internals.supports = (method, feature) =>
    method.path === BATCH_APPEND ? Promise.resolve(false) : supports(method, feature);
  return client;
}
