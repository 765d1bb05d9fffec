import fc from 'fast-check';
import { canonicalJson, sha256Hex } from '../../src/shared/canonical-json';
import { canonicalSha256 } from '../../src/shared/canonical-sha256';

const whole = (value: unknown): string => sha256Hex(canonicalJson(value));

describe('canonicalSha256: the checksum of canonicalJson, without the whole text', () => {
  it('equals sha256(canonicalJson(value)) for random JSON-like values, at every walking depth', () => {
    const value = fc.oneof(
      fc.jsonValue(),
      fc.object({ withDate: true, withNullPrototype: false }),
      fc.dictionary(
        fc.oneof(fc.string(), fc.nat().map(String)),
        fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.constant(undefined))),
      ),
    );
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 4 }), (v, depth) => {
        expect(canonicalSha256(v, depth)).toBe(whole(v));
      }),
      { numRuns: 500 },
    );
  });

  it('orders integer-like keys as canonicalJson does (numerically, before the others)', () => {
    const value = {
      b: 1,
      '10': { z: 1, '2': 2, a: [3, undefined] },
      '9': null,
      a: new Date(0),
      u: undefined,
    };
    expect(canonicalSha256(value)).toBe(whole(value));
  });

  it('streams a value larger than one piece to the same digest', () => {
    const big = {
      measures: Object.fromEntries(
        Array.from({ length: 5_000 }, (_, i) => [`m${i}`, { i, s: 'x'.repeat(40) }]),
      ),
    };
    expect(canonicalJson(big).length).toBeGreaterThan(64 * 1024);
    expect(canonicalSha256(big)).toBe(whole(big));
  });
});
