/** Deeper than any event's data: past it, the round trip itself answers (and refuses a cycle as it does). */
const MAX_DEPTH = 64;

/**
 * What `JSON.parse(JSON.stringify(value))` gives, without the text in
 * between: a folded state must see an event's data exactly as a read of the
 * log would give it back (no `undefined` fields, `toJSON` applied, -0 and
 * non-finite numbers as the text has them), and share nothing with the
 * decider's objects. The command side copies every event it folds in
 * place, so the text was a cost paid for every row of an import.
 * Anything unusual (a `__proto__` key, a cycle, a bigint, a value JSON
 * drops) takes the round trip, so the answer is always the round trip's.
 */
export function jsonCopy<T>(value: T): T {
  const copied = copy(value, '', 0);
  return (copied === UNUSUAL ? JSON.parse(JSON.stringify(value)) : copied) as T;
}

const UNUSUAL = Symbol('unusual');

function copy(value: unknown, key: string, depth: number, asked = false): unknown {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
  if (typeof value !== 'object' || depth > MAX_DEPTH) return UNUSUAL;
  const own = value as { toJSON?: unknown };
  // JSON asks a value for its toJSON once; what that gives is written as it is.
  if (typeof own.toJSON === 'function' && !asked)
    return copy((own.toJSON as (key: string) => unknown).call(value, key), key, depth, true);
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = value[i] as unknown;
      const dropped = item === undefined || typeof item === 'function' || typeof item === 'symbol';
      const copied = dropped ? null : copy(item, String(i), depth + 1);
      if (copied === UNUSUAL) return UNUSUAL;
      out[i] = copied;
    }
    return out;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  // Boxed primitives, maps and the like stringify in ways of their own.
  if (prototype !== Object.prototype && prototype !== null) return UNUSUAL;
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(value)) {
    if (name === '__proto__') return UNUSUAL;
    const item = (value as Record<string, unknown>)[name];
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    const copied = copy(item, name, depth + 1);
    if (copied === UNUSUAL) return UNUSUAL;
    out[name] = copied;
  }
  return out;
}
