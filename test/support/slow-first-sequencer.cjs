const Sequencer = require('@jest/test-sequencer').default;

/**
 * The suites that take minutes, started first. With no timing cache (a
 * clean CI checkout), jest orders by file size, and a long suite started
 * last runs alone while the other workers idle. Both projects
 * of an e2e spec count: each is its own test.
 */
const SLOW = [
  'test/scale-out/chaos.int.spec.ts',
  'test/simulator/simulator-determinism.e2e.spec.ts',
  'test/simulator/readme-walkthrough.sqlite.e2e.spec.ts',
  'test/projections/rebuild-under-queries.e2e.spec.ts',
  'test/imports/simulated-returns.sqlite.e2e.spec.ts',
  'test/cli/cli.sqlite.e2e.spec.ts',
  'test/projections/equivalence.sqlite.e2e.spec.ts',
  'test/scale-out/instances.int.spec.ts',
  'test/simulator/plan.unit.spec.ts',
  'test/kafka/relay-crash.int.spec.ts',
  'test/kafka/broker-state.int.spec.ts',
  'test/kafka/relay-outage.int.spec.ts',
  'test/kafka/command-consumer-crash.int.spec.ts',
];

const rank = (path) => {
  const index = SLOW.findIndex((suffix) => path.endsWith(suffix));
  return index < 0 ? SLOW.length : index;
};

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    return ordered
      .map((test, position) => ({ test, position }))
      .sort((a, b) => rank(a.test.path) - rank(b.test.path) || a.position - b.position)
      .map(({ test }) => test);
  }
}

module.exports = SlowFirstSequencer;
