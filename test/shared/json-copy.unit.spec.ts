import fc from 'fast-check';
import { jsonCopy } from '../../src/shared/json-copy';

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

/** Every object and array reachable from a value. */
function containers(value: unknown, found = new Set<object>()): Set<object> {
  if (typeof value === 'object' && value !== null && !found.has(value)) {
    found.add(value);
    for (const item of Object.values(value)) containers(item, found);
  }
  return found;
}

describe('jsonCopy: JSON.parse(JSON.stringify(value)) without the text', () => {
  it('equals the round trip, key order and all, and shares no object with its source', () => {
    const odd = fc.constantFrom(undefined, -0, NaN, Infinity, -Infinity, () => 1, Symbol('s'));
    const value = fc.oneof(
      fc.jsonValue(),
      fc.object({
        withDate: true,
        withNullPrototype: true,
        withBoxedValues: true,
        withSparseArray: true,
        withMap: true,
        withSet: true,
      }),
      fc.dictionary(
        fc.oneof(fc.string(), fc.nat().map(String), fc.constant('__proto__'), fc.constant('toJSON')),
        fc.oneof(fc.jsonValue(), odd, fc.array(fc.oneof(fc.integer(), odd)), fc.date()),
      ),
    );
    fc.assert(
      fc.property(value, (v) => {
        const copied = jsonCopy(v);
        expect(copied).toStrictEqual(roundTrip(v));
        expect(JSON.stringify(copied)).toBe(JSON.stringify(v));
        const source = containers(v);
        for (const object of containers(copied)) expect(source.has(object)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('answers as the round trip where the round trip has views of its own', () => {
    const withToJson = {
      at: { toJSON: (key: string) => ({ key, nested: { toJSON: () => 'asked' } }) },
      once: { toJSON: () => ({ toJSON: () => 'not asked', a: 1 }) },
    };
    expect(jsonCopy(withToJson)).toStrictEqual(roundTrip(withToJson));
    expect(jsonCopy(withToJson)).toStrictEqual({ at: { key: 'at', nested: 'asked' }, once: { a: 1 } });
    const protoKey = JSON.parse('{"__proto__":{"a":1},"b":-0}') as unknown;
    expect(jsonCopy(protoKey)).toStrictEqual(roundTrip(protoKey));
    expect(Object.getPrototypeOf(jsonCopy(protoKey))).toBe(Object.prototype);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => jsonCopy(cyclic)).toThrow(TypeError);
    expect(() => jsonCopy({ n: 1n })).toThrow(TypeError);
    expect(jsonCopy([undefined, () => 1, new Date(0)])).toStrictEqual([
      null,
      null,
      '1970-01-01T00:00:00.000Z',
    ]);
  });
});
