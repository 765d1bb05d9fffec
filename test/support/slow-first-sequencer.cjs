const Sequencer = require('@jest/test-sequencer').default;

/**
 * The suites that take minutes, started first. With no timing cache (a
 * clean CI checkout), jest orders by file size, and a long suite started
 * last runs alone while the other workers idle. Both projects
 * of an e2e spec count: each is its own test.
 *
 * Three workers share two cores, so a worker that waits (a broker stopped
 * for 30 s, 20 s of outage watched, a group's session timeout after each
 * kill) costs nothing while the other two compute, and leaves a core idle
 * when a second one waits too. The suites that mostly wait are therefore
 * spread between the ones that compute, not listed together: in a full run
 * (2026-12-07) broker-state, the screening suite and relay-outage ran side
 * by side from 243 s to 321 s.
 */
const SLOW = [
  'test/scale-out/chaos.int.spec.ts',
  // Waits: its own broker stopped for 30 s.
  'test/kafka/relay-outage.int.spec.ts',
  'test/simulator/simulator-determinism.e2e.spec.ts',
  'test/simulator/readme-walkthrough.sqlite.e2e.spec.ts',
  // Waits: 20 s of outage, then the group's session timeout.
  'test/kafka/broker-state.int.spec.ts',
  'test/projections/rebuild-under-queries.e2e.spec.ts',
  'test/imports/simulated-returns.sqlite.e2e.spec.ts',
  // Waits in part: the relay restarted after each SIGKILL.
  'test/kafka/relay-crash.int.spec.ts',
  'test/cli/cli.sqlite.e2e.spec.ts',
  // Waits: the group's session timeout after each SIGKILL.
  'test/kafka/command-consumer-crash.int.spec.ts',
  'test/projections/equivalence.sqlite.e2e.spec.ts',
  'test/scale-out/instances.int.spec.ts',
  'test/simulator/plan.unit.spec.ts',
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
