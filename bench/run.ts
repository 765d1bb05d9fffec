/** `npm run bench`: every benchmark, each against its same-run baseline, into bench/RESULTS.md. */
import { runDashboardBench } from './dashboard.bench';
import { runEsdbBench } from './esdb.bench';
import { runCommandsBench } from './commands.bench';
import { runHistoryBench } from './history.bench';
import { runProjectionsBench } from './projections.bench';
import { runScreeningBench } from './screening.bench';
import { runSpcBench } from './spc.bench';
import { runKafkaBench } from './kafka.bench';
import { runKafkaCommandsBench } from './kafka-commands.bench';
import { runStoreBench } from './store.bench';

const benches: Array<[string, () => Promise<void>]> = [
  ['store', runStoreBench],
  ['spc', runSpcBench],
  ['screening', runScreeningBench],
  ['esdb', runEsdbBench],
  ['kafka', runKafkaBench],
  ['kafka-commands', runKafkaCommandsBench],
  ['commands', runCommandsBench],
  ['projections', runProjectionsBench],
  ['history', runHistoryBench],
  ['dashboard', runDashboardBench],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  for (const [name, run] of benches) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.log(`\n== bench:${name}`);
    await run();
  }
}

// Figures never fail the run (goals are reported, not asserted); a benchmark that crashes does.
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
