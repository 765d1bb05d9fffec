// Runs before each e2e spec of the "esdb wire double" project: startTestApp() then gives
// every app a fresh wire double of its own, as the SQLite project gives each a fresh file.
process.env.EVENT_STORE = 'esdb';
delete process.env.EVENTSTORE_CONNECTION_STRING;
process.env.AET_STORE_UNDER_TEST = 'esdb: @eventstore/db-client → gRPC wire double';
