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

  it('keeps a key named __proto__ as a key, as JSON.parse made it (found by the property above)', () => {
    const parsed = JSON.parse('{"b":2,"__proto__":{"z":1,"a":[1]}}') as unknown;
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"a":[1],"z":1},"b":2}');
    const withDate = JSON.parse('{"__proto__":null}') as Record<string, unknown>;
    withDate['__proto__'] = new Date(0);
    expect(canonicalJson(withDate)).toBe('{"__proto__":"1970-01-01T00:00:00.000Z"}');
    for (const value of [parsed, withDate, [parsed], { outer: parsed }])
      for (let depth = 0; depth <= 3; depth++) expect(canonicalSha256(value, depth)).toBe(whole(value));
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
