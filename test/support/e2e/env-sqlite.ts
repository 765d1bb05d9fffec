// Runs before each e2e spec of the "sqlite" project, whatever the shell exports.
process.env.EVENT_STORE = 'sqlite';
delete process.env.EVENTSTORE_CONNECTION_STRING;
process.env.AET_STORE_UNDER_TEST = 'sqlite: embedded file store';
