import { StateChecksums } from '../../../src/projections/runner/state-checksums';
import { canonicalSha256 } from '../../../src/shared/canonical-sha256';

/** A state whose walks are counted: every hash reads `figures` once. */
function countedState(): { state: { figures: number[] }; reads: () => number } {
  let reads = 0;
  const figures = [1, 2, 3];
  const state = {} as { figures: number[] };
  Object.defineProperty(state, 'figures', {
    enumerable: true,
    get: () => {
      reads++;
      return figures;
    },
  });
  return { state, reads: () => reads };
}

describe('StateChecksums (the read-models endpoint’s checksum of a live state)', () => {
  it('walks an unchanged state once, and answers its canonical SHA-256', async () => {
    const checksums = new StateChecksums();
    const { state, reads } = countedState();
    const first = await checksums.of(state, 10, 'live');
    const readsAfterFirst = reads();
    expect(await checksums.of(state, 10, 'live')).toBe(first);
    expect(reads()).toBe(readsAfterFirst);
    expect(first).toBe(canonicalSha256({ figures: [1, 2, 3] }));
  });

  it('hashes again once the model has folded an event (its position moved)', async () => {
    const checksums = new StateChecksums();
    const state: { enrolled: number } = { enrolled: 1 };
    const before = await checksums.of(state, 10, 'live');
    state.enrolled = 2;
    const after = await checksums.of(state, 11, 'live');
    expect(after).not.toBe(before);
    expect(after).toBe(canonicalSha256({ enrolled: 2 }));
  });

  it('hashes again when a fold failed half-way (the status moved, the position did not)', async () => {
    const checksums = new StateChecksums();
    const state: { enrolled: number } = { enrolled: 1 };
    await checksums.of(state, 10, 'live');
    state.enrolled = 5;
    expect(await checksums.of(state, 10, 'failed')).toBe(canonicalSha256({ enrolled: 5 }));
  });

  it('hashes a replaced state (a rebuild) on its own, at the same position', async () => {
    const checksums = new StateChecksums();
    await checksums.of({ enrolled: 1 }, 10, 'live');
    expect(await checksums.of({ enrolled: 3 }, 10, 'live')).toBe(canonicalSha256({ enrolled: 3 }));
  });

  it('lets timers run while it walks a large state, and answers the same digest', async () => {
    const checksums = new StateChecksums();
    // Each entity's text is read through a getter that takes a while, as a stored model's values do.
    const entities: Record<string, unknown> = {};
    for (let i = 0; i < 400; i++) {
      Object.defineProperty(entities, `e${i}`, {
        enumerable: true,
        get: () => {
          const until = performance.now() + 0.1;
          while (performance.now() < until);
          return { i, text: 'x'.repeat(20) };
        },
      });
    }
    const state = { entities };
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      const checksum = await checksums.of(state, 1, 'live');
      expect(checksum).toBe(canonicalSha256(state));
    } finally {
      clearInterval(timer);
    }
    // About 40 ms of reads, in slices of 5 ms: the timer ran between them.
    expect(ticks).toBeGreaterThan(2);
  });
});
