import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { serialisable } from './json-chunks';

/**
 * `sha256Hex(canonicalJson(value))` without the whole text: the first
 * `depth` levels of objects and arrays are walked here, with keys in the
 * order canonicalJson writes them, and each value below them is written by
 * canonicalJson alone and fed to the hash. A read model over a million
 * events is hundreds of MB of JSON; canonicalJson of the whole made a sorted
 * copy of it and one string of that size, the largest part of a data cut's
 * peak memory (bench:scale). The digest is the same, byte for byte (tested
 * against canonicalJson on random values), so recorded cuts still verify.
 */
export function canonicalSha256(value: unknown, depth = 2): string {
  const steps = canonicalSha256Steps(value, depth);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same digest, one piece of the walk per step: a caller can stop
 * between two steps to let I/O run (time-slice.ts `inSlices`). Hashing a
 * model kept in the state database reads every value back, tens of seconds
 * at a million events, which in one go held every request behind it.
 */
export function* canonicalSha256Steps(value: unknown, depth = 2): Generator<void, string, undefined> {
  const hash = createHash('sha256');
  let pending = '';
  for (const text of walk(value, depth)) {
    pending += text;
    if (pending.length >= CHUNK) {
      hash.update(pending);
      pending = '';
    }
    yield;
  }
  hash.update(pending);
  return hash.digest('hex');
}

const CHUNK = 64 * 1024;

/** What canonicalJson's sortKeys keeps as it is: anything but plain objects and arrays (a Date gives its toJSON). */
const isLeaf = (value: unknown): boolean =>
  value === null || typeof value !== 'object' || value instanceof Date;

/**
 * The keys as canonicalJson's text has them: sorted, then put into a new
 * object, whose own keys JavaScript enumerates integer-like ones first, in
 * numeric order. Building the same object of keys gives the same order.
 */
function canonicalKeys(value: object): string[] {
  const shell = Object.create(null) as Record<string, true>;
  for (const key of Object.keys(value).sort()) shell[key] = true;
  return Object.keys(shell);
}

/** The canonical text in pieces: punctuation and keys of the walked levels, and each value below them whole. */
function* walk(value: unknown, depth: number): Generator<string, void, undefined> {
  if (depth === 0 || isLeaf(value)) {
    yield canonicalJson(value) ?? 'null';
  } else if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      yield* walk(value[i], depth - 1);
    }
    yield ']';
  } else {
    let first = true;
    yield '{';
    for (const key of canonicalKeys(value as object)) {
      const item = (value as Record<string, unknown>)[key];
      if (!serialisable(item)) continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* walk(item, depth - 1);
    }
    yield '}';
  }
}
