import { startEsdbDouble } from '../esdb-double';
import type { EsdbDouble } from '../esdb-double';

declare global {
  var esdbDoubleForE2e: EsdbDouble | undefined;
}

/**
 * Starts one wire double for the e2e project that runs on EventStoreDB. Its
 * address goes in a variable of its own: every project's workers inherit this
 * process's environment, and the SQLite project must not be switched to esdb.
 */
export default async function startDoubleForE2e(): Promise<void> {
  const double = await startEsdbDouble();
  globalThis.esdbDoubleForE2e = double;
  process.env.AET_E2E_ESDB_DOUBLE = double.connectionString;
}
