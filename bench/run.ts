/** `npm run bench`: every benchmark, each against its same-run baseline, into bench/RESULTS.md. */
import { runEsdbBench } from './esdb.bench';
import { runSpcBench } from './spc.bench';
import { runKafkaBench } from './kafka.bench';
import { runKafkaCommandsBench } from './kafka-commands.bench';
import { runStoreBench } from './store.bench';

const benches: Array<[string, () => Promise<void>]> = [
  ['store', runStoreBench],
  ['spc', runSpcBench],
  ['esdb', runEsdbBench],
  ['kafka', runKafkaBench],
  ['kafka-commands', runKafkaCommandsBench],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  for (const [name, run] of benches) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.log(`\n== bench:${name}`);
    await run();
  }
}

void main();
