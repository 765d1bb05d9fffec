// Runs before each e2e spec of the "esdb wire double" project: test-app.ts reads these.
const connectionString = process.env.AET_E2E_ESDB_DOUBLE;
if (!connectionString) {
  throw new Error(
    'AET_E2E_ESDB_DOUBLE is not set: the project globalSetup did not start the EventStoreDB double',
  );
}
process.env.EVENT_STORE = 'esdb';
process.env.EVENTSTORE_CONNECTION_STRING = connectionString;
process.env.AET_STORE_UNDER_TEST = 'esdb: @eventstore/db-client → gRPC wire double';
