import { ConflictRetry } from '../../src/commands/conflict-retry';
import { ProblemException } from '../../src/shared/problem';

describe('deciding again after a lost race', () => {
  it('pauses a random time up to a cap that doubles, then gives up with 409 and Retry-After at the deadline', async () => {
    let clock = 0;
    const pauses: number[] = [];
    const realSetTimeout = global.setTimeout;
    // Pauses are recorded and skipped: the clock moves by the pause instead.
    jest.spyOn(global, 'setTimeout').mockImplementation(((fn: () => void, ms: number) => {
      pauses.push(ms);
      clock += ms;
      return realSetTimeout(fn, 0);
    }) as typeof setTimeout);
    try {
      const retry = new ConflictRetry(
        { deadlineMs: 200, firstPauseMs: 2, maxPauseMs: 40 },
        () => 1,
        () => clock,
      );
      const attempt = retry.start();
      const conflict = new Error('stream at 3, expected 2');
      let thrown: unknown;
      for (let i = 0; i < 20 && thrown === undefined; i++) {
        await attempt.pauseOrThrow(conflict).catch((error: unknown) => (thrown = error));
      }
      expect(pauses).toEqual([2, 4, 8, 16, 32, 40, 40, 40]);
      expect(thrown).toBeInstanceOf(ProblemException);
      const problem = thrown as ProblemException;
      expect(problem.status).toBe(409);
      expect(problem.slug).toBe('concurrency-conflict');
      expect(problem.headers).toEqual({ 'retry-after': '1' });
      expect(problem.detail).toContain('stream at 3, expected 2');
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('draws each pause at random below its cap', async () => {
    const draws = [0.5, 0.25];
    const retry = new ConflictRetry(
      { deadlineMs: 1_000, firstPauseMs: 8, maxPauseMs: 100 },
      () => draws.shift() ?? 0,
    );
    const spy = jest.spyOn(global, 'setTimeout');
    try {
      const attempt = retry.start();
      await attempt.pauseOrThrow(new Error('x'));
      await attempt.pauseOrThrow(new Error('x'));
      expect(spy.mock.calls.map((call) => call[1])).toEqual([4, 4]);
    } finally {
      spy.mockRestore();
    }
  });
});
