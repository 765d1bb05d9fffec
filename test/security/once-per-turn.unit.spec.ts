import { OncePerTurn } from '../../src/shared/once-per-turn';

describe('once per turn of the event loop', () => {
  it('answers true once in a turn, and again in the next', async () => {
    const check = new OncePerTurn();
    expect([check.take(), check.take(), check.take()]).toEqual([true, false, false]);
    await new Promise((resolve) => setImmediate(resolve));
    expect([check.take(), check.take()]).toEqual([true, false]);
  });
});
