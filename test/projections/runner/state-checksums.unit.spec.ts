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
  it('walks an unchanged state once, and answers its canonical SHA-256', () => {
    const checksums = new StateChecksums();
    const { state, reads } = countedState();
    const first = checksums.of(state, 10, 'live');
    const readsAfterFirst = reads();
    expect(checksums.of(state, 10, 'live')).toBe(first);
    expect(reads()).toBe(readsAfterFirst);
    expect(first).toBe(canonicalSha256({ figures: [1, 2, 3] }));
  });

  it('hashes again once the model has folded an event (its position moved)', () => {
    const checksums = new StateChecksums();
    const state: { enrolled: number } = { enrolled: 1 };
    const before = checksums.of(state, 10, 'live');
    state.enrolled = 2;
    const after = checksums.of(state, 11, 'live');
    expect(after).not.toBe(before);
    expect(after).toBe(canonicalSha256({ enrolled: 2 }));
  });

  it('hashes again when a fold failed half-way (the status moved, the position did not)', () => {
    const checksums = new StateChecksums();
    const state: { enrolled: number } = { enrolled: 1 };
    checksums.of(state, 10, 'live');
    state.enrolled = 5;
    expect(checksums.of(state, 10, 'failed')).toBe(canonicalSha256({ enrolled: 5 }));
  });

  it('hashes a replaced state (a rebuild) on its own, at the same position', () => {
    const checksums = new StateChecksums();
    checksums.of({ enrolled: 1 }, 10, 'live');
    expect(checksums.of({ enrolled: 3 }, 10, 'live')).toBe(canonicalSha256({ enrolled: 3 }));
  });
});
