import { randomUUID } from 'node:crypto';
import { AsOfSnapshotRefresher } from '../../../src/projections/as-of/as-of-refresher';
import { replayAsOf } from '../../../src/projections/as-of/replay-as-of';
import { ProjectionRunner } from '../../../src/projections/runner/projection-runner';
import { SnapshotStore } from '../../../src/projections/runner/snapshot-store';
import { until } from '../../support/until';
import { AS_OF_TARGETS, fullFold, snapshotStore, tallyProjection } from './as-of-stores';

const MONTH_ENDS = ['2024-05-31T23:59:59.999Z', '2024-04-30T23:59:59.999Z', '2024-03-31T23:59:59.999Z'];

describe.each(AS_OF_TARGETS)('the background refresh of as-of snapshots [$name]', (target) => {
  it('once the read models are live, keeps a snapshot at each recent month end that the next query starts from', async () => {
    let clock = Date.UTC(2024, 6, 1);
    const { store, dispose } = await target.open(() => (clock += 1_000));
    const { snapshots, db } = snapshotStore();
    const runner = new ProjectionRunner(store, new SnapshotStore(db), [tallyProjection]);
    const refresher = new AsOfSnapshotRefresher(
      store,
      runner,
      snapshots,
      3,
      () => new Date('2024-06-15T00:00:00Z'),
    );
    try {
      for (let n = 0; n < 12; n++) {
        const occurredAt = new Date(Date.UTC(2024, 1, 1) + n * 11 * 86_400_000).toISOString();
        await store.appendToStream(`tally-${n % 3}`, [
          {
            id: randomUUID(),
            type: n % 4 === 0 ? 'Adjusted' : 'Counted',
            data: { n },
            metadata: {
              occurredAt,
              actor: 't',
              sourceSystem: 't',
              correlationId: 'c',
              causationId: null,
              schemaVersion: 1,
            },
          },
        ]);
      }
      // Not live yet: nothing is folded beside the runner's own catch-up.
      await refresher.refreshIfDue();
      expect(MONTH_ENDS.flatMap((asOf) => snapshots.candidates('tally', asOf))).toEqual([]);
      runner.start();
      await until(() => runner.health().every((model) => model.status === 'live'), 'the read model is live');
      await refresher.refreshIfDue();
      const head = await store.headPosition();
      for (const asOf of MONTH_ENDS) {
        expect(snapshots.candidates('tally', asOf).map((s) => s.position)).toEqual([head]);
        const answer = await replayAsOf(store, tallyProjection, { asOf }, snapshots);
        expect(answer.startedAt).toBe(head);
        expect(answer.state).toEqual(await fullFold(store, tallyProjection, { asOf }));
      }
    } finally {
      await refresher.stop();
      await runner.stop();
      db.close();
      await dispose();
    }
  });
});
