/**
 * `{ ...base, ...changes }`, built the way V8 keeps cheap. In Node 20 (V8
 * 11.3, our runtime) an object literal that starts with a spread and goes on
 * with more properties gets a hidden class of its own every time: about a
 * microsecond and 200 bytes more per object, and every later read of such
 * objects is a megamorphic look-up (bench/RESULTS.md, imports).
 * `Object.assign` onto a fresh object shares one hidden class, but it sets
 * keys rather than defining them, so a key `__proto__` (JSON.parse makes
 * one an own property) takes the spread, which defines it.
 */
export function withChanges<T extends object, C extends object>(base: T, changes: C): Spread<T, C> {
  if (Object.hasOwn(base, '__proto__') || Object.hasOwn(changes, '__proto__')) return { ...base, ...changes };
  return Object.assign({}, base, changes);
}

/** The type of `{ ...base, ...changes }`: the base's keys the changes do not have, index signatures kept. */
export type Spread<T, C> = { [K in keyof T as K extends keyof C ? never : K]: T[K] } & C;
