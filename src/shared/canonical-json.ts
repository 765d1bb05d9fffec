import { hash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level and no insignificant space, so
 * equal values always give equal text (and equal checksums). `undefined`
 * properties are dropped, as JSON.stringify drops them.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    // No prototype: a key named "__proto__" (JSON.parse makes one) is then a key like any other,
    // where on a plain object assigning it would set the prototype and drop the key from the text.
    const sorted: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) sorted[key] = sortKeys(v);
    }
    return sorted;
  }
  return value;
}

/** One-shot: half the cost of a Hash object for the short texts hashed per command. */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}
