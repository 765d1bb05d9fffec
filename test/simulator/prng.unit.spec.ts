import { Prng } from '../../scripts/simulator/prng';

const draws = (prng: Prng, n = 20) => Array.from({ length: n }, () => prng.next());

describe('the simulator PRNG', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draws(new Prng('42'))).toEqual(draws(new Prng('42')));
    expect(draws(new Prng('42'))).not.toEqual(draws(new Prng('43')));
  });

  it('forks streams that do not depend on how much the parent or a sibling drew', () => {
    const untouched = new Prng('42');
    const used = new Prng('42');
    draws(used, 100);
    draws(used.fork('sibling'), 100);
    expect(draws(used.fork('organisation/RYX'))).toEqual(draws(untouched.fork('organisation/RYX')));
    expect(draws(untouched.fork('a'))).not.toEqual(draws(untouched.fork('b')));
  });

  it('keeps integers within bounds, both included, and reaches both', () => {
    const prng = new Prng('bounds');
    const values = Array.from({ length: 2000 }, () => prng.int(3, 7));
    expect(Math.min(...values)).toBe(3);
    expect(Math.max(...values)).toBe(7);
    expect(values.every(Number.isInteger)).toBe(true);
  });

  it('picks by weight, shuffles into a permutation and samples distinct items', () => {
    const prng = new Prng('weights');
    const picks = Array.from({ length: 4000 }, () =>
      prng.weighted([
        ['a', 3],
        ['b', 1],
      ] as const),
    );
    const share = picks.filter((p) => p === 'a').length / picks.length;
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.8);
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    expect([...prng.shuffle(items)].sort()).toEqual(items);
    const sample = prng.sample(items, 5);
    expect(new Set(sample).size).toBe(5);
  });

  it('draws binomial counts between 0 and the number of trials, near n·p on average', () => {
    const prng = new Prng('binomial');
    const counts = Array.from({ length: 500 }, () => prng.binomial(40, 0.25));
    expect(counts.every((c) => c >= 0 && c <= 40)).toBe(true);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean).toBeGreaterThan(9);
    expect(mean).toBeLessThan(11);
  });
});
