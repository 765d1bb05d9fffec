import fc from 'fast-check';
import { withChanges } from '../../../src/domain/shared';

/** Own keys, symbols included, with each one's descriptor, in order: what tells two objects apart. */
const described = (value: object) =>
  Reflect.ownKeys(value).map((key) => [key, Object.getOwnPropertyDescriptor(value, key)]);

describe('withChanges: { ...base, ...changes } without a hidden class per object', () => {
  it('gives what the spread gives, keys, order, prototype and all, for random objects', () => {
    const key = fc.oneof(
      fc.string(),
      fc.nat().map(String),
      fc.constantFrom('__proto__', 'constructor', 'toJSON'),
    );
    const record = fc.dictionary(key, fc.jsonValue());
    fc.assert(
      fc.property(record, record, fc.boolean(), (base, changes, parsed) => {
        // JSON.parse makes `__proto__` an own key, as a store's rows would have it.
        const [b, c] = parsed
          ? [base, changes].map((o) => JSON.parse(JSON.stringify(o)) as object)
          : [base, changes];
        const result = withChanges(b, c);
        const spread = { ...b, ...c };
        expect(described(result)).toEqual(described(spread));
        expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
        expect(result).not.toBe(b);
      }),
      { numRuns: 1000 },
    );
  });

  it('copies symbols and reads getters as the spread does, and leaves both inputs alone', () => {
    const tag = Symbol('tag');
    let reads = 0;
    const base = {
      a: 1,
      [tag]: 'kept',
      get b() {
        reads++;
        return 2;
      },
    };
    const changes = { a: 3, c: 4 };
    const result = withChanges(base, changes);
    expect(result).toEqual({ a: 3, b: 2, c: 4, [tag]: 'kept' });
    expect(Object.getOwnPropertyDescriptor(result, 'b')).toEqual({
      value: 2,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    expect(reads).toBe(1);
    expect(base.a).toBe(1);
    expect(changes).toEqual({ a: 3, c: 4 });
  });
});
