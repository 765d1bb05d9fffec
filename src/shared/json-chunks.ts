import { createHash } from 'node:crypto';

/**
 * Writes the JSON text of a value to `write` in pieces of about `size`
 * characters that join to `JSON.stringify(value)` for plain data (no cycles;
 * toJSON is honoured where it sits at or below `depth`). It walks the first
 * `depth` levels of objects and arrays itself and hands each value below
 * them to the native JSON.stringify, so it keeps native speed while no
 * string is the size of the whole value: a read model over a million events
 * is ~100 MB of JSON, and that one string (and SQLite's UTF-8 copy of it)
 * was most of a rebuild's peak memory. Pieces stay under V8's large-object
 * size by default, so they die young. @discoveryjs/json-ext's
 * stringifyChunked bounds memory at any depth, but was three times slower
 * on our read models.
 */
export function writeJsonChunks(
  value: unknown,
  write: (chunk: string) => void,
  options: { size?: number; depth?: number } = {},
): void {
  for (const chunk of jsonChunks(value, options)) write(chunk);
}

/**
 * The same pieces, one at a time: a writer can stop between two of them
 * (to let requests run) and carry on where it was.
 */
export function* jsonChunks(
  value: unknown,
  { size = 64 * 1024, depth = 2 }: { size?: number; depth?: number } = {},
): Generator<string, void, undefined> {
  let chunk = '';
  for (const text of walk(value, depth)) {
    chunk += text;
    if (chunk.length >= size) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** JSON.stringify's rule for object members: undefined, functions and symbols are left out. */
export const serialisable = (v: unknown): boolean =>
  v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';

function* walk(value: unknown, depth: number): Generator<string, void, undefined> {
  if (depth === 0 || value === null || typeof value !== 'object' || 'toJSON' in value) {
    yield JSON.stringify(value) ?? 'null';
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
    for (const [key, item] of Object.entries(value)) {
      if (!serialisable(item)) continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* walk(item, depth - 1);
    }
    yield '}';
  }
}

/**
 * The value whose JSON text the stored `pieces` join to, if that text has the SHA-256
 * `checksum` it was written with: otherwise why not (a piece changed,
 * missing or cut short; or text that is not JSON).
 */
export function parseCheckedChunks(
  pieces: Iterable<{ text: string }>,
  checksum: string,
): { value: unknown } | { refused: 'checksum' | 'not-json' } {
  const hash = createHash('sha256');
  const texts: string[] = [];
  for (const { text } of pieces) {
    hash.update(text);
    texts.push(text);
  }
  if (hash.digest('hex') !== checksum) return { refused: 'checksum' };
  try {
    return { value: JSON.parse(texts.join('')) as unknown };
  } catch {
    return { refused: 'not-json' };
  }
}
