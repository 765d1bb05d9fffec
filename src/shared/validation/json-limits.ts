import { screen } from '../../privacy/screening';
import { hygieneViolation } from './text-hygiene';

/**
 * Limits on the shape of a JSON body, checked on the raw text in one linear
 * pass before JSON.parse and before anything recursive (class-transformer,
 * class-validator) sees it. Pure. Sizes are limited elsewhere (the body limit
 * over HTTP, the message limit on Kafka).
 */
export interface JsonLimits {
  /** Objects and arrays nested inside each other; commands need 4, charts 3. */
  maxDepth: number;
  /** Items of one array; a chart may post 100,000 points. */
  maxArrayLength: number;
  /** Properties of one object; no command has 50. */
  maxObjectKeys: number;
}

export const JSON_LIMITS: JsonLimits = { maxDepth: 32, maxArrayLength: 100_000, maxObjectKeys: 1_000 };

export type JsonShapeRule =
  'max-depth' | 'max-array-length' | 'max-object-keys' | 'duplicate-key' | 'prototype-key';

export interface JsonShapeViolation {
  rule: JsonShapeRule;
  /** Where, as a dotted path from the root: `(body)` for the root itself. */
  field: string;
  message: string;
}

/** Names that reach an object's prototype when copied by careless code: refused as keys anywhere. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

interface Container {
  kind: 'object' | 'array';
  /** Items so far (array) or keys so far (object). */
  count: number;
  /** After `{`, `[` or `,`: the next token starts an item (array) or is a key (object). */
  expectingItem: boolean;
  keys?: Set<string>;
  /** The last key (object) or index (array): the path to what is inside. */
  step: string | number | undefined;
}

const isSpace = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/** A key named in a message only when it is plain: never one that screening or hygiene would refuse. */
function nameOf(key: string): string {
  const plain = key.length <= 64 && !hygieneViolation(key) && screen(key).length === 0;
  return plain ? key : '(a field name)';
}

function pathOf(stack: readonly Container[], last?: string): string {
  const steps = stack.slice(0, -1).map((c) => c.step);
  if (last !== undefined) steps.push(last);
  let path = '';
  for (const step of steps) {
    if (typeof step === 'number') path += `[${step}]`;
    else if (step !== undefined) path += path ? `.${nameOf(step)}` : nameOf(step);
  }
  return path || '(body)';
}

/** The end of the string token starting at `start` (the index after its closing quote), or -1. */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x5c) i++;
    else if (code === 0x22) return i + 1;
  }
  return -1;
}

function decodeKey(raw: string): string | undefined {
  if (!raw.includes('\\')) return raw.slice(1, -1);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return undefined;
  }
}

/**
 * The first limit `text` breaks, or undefined. Text that is not JSON passes
 * (JSON.parse refuses it next): the scan only has to be right for JSON and
 * linear for anything.
 */
export function jsonShapeViolation(
  text: string,
  limits: JsonLimits = JSON_LIMITS,
): JsonShapeViolation | undefined {
  const stack: Container[] = [];
  const startItem = (): JsonShapeViolation | undefined => {
    const top = stack[stack.length - 1];
    if (!top || !top.expectingItem || top.kind !== 'array') return undefined;
    top.expectingItem = false;
    top.step = top.count;
    if (++top.count > limits.maxArrayLength) {
      return {
        rule: 'max-array-length',
        field: pathOf(stack.slice(0, -1).concat({ ...top, step: undefined })),
        message: `An array holds more than ${limits.maxArrayLength} items`,
      };
    }
    return undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) continue;
    const top = stack[stack.length - 1];
    if (code === 0x22) {
      const end = endOfString(text, i);
      if (end === -1) return undefined;
      if (top?.kind === 'object' && top.expectingItem) {
        const key = decodeKey(text.slice(i, end));
        top.expectingItem = false;
        if (key !== undefined) {
          if (PROTOTYPE_KEYS.has(key)) {
            return {
              rule: 'prototype-key',
              field: pathOf(stack, key),
              message: `${key} may not be used as a field name`,
            };
          }
          if (top.keys?.has(key)) {
            const field = pathOf(stack, key);
            return { rule: 'duplicate-key', field, message: `${field} appears more than once` };
          }
          top.keys?.add(key);
          top.step = key;
          if (++top.count > limits.maxObjectKeys) {
            return {
              rule: 'max-object-keys',
              field: pathOf(stack.slice(0, -1).concat({ ...top, step: undefined })),
              message: `An object holds more than ${limits.maxObjectKeys} fields`,
            };
          }
        }
      } else {
        const violation = startItem();
        if (violation) return violation;
      }
      i = end - 1;
    } else if (code === 0x7b || code === 0x5b) {
      const violation = startItem();
      if (violation) return violation;
      if (stack.length >= limits.maxDepth) {
        return {
          rule: 'max-depth',
          field: pathOf(stack.concat({ kind: 'array', count: 0, expectingItem: false, step: undefined })),
          message: `The body is nested more than ${limits.maxDepth} levels deep`,
        };
      }
      stack.push(
        code === 0x7b
          ? { kind: 'object', count: 0, expectingItem: true, keys: new Set(), step: undefined }
          : { kind: 'array', count: 0, expectingItem: true, step: undefined },
      );
    } else if (code === 0x7d || code === 0x5d) {
      stack.pop();
    } else if (code === 0x2c) {
      if (top) top.expectingItem = true;
    } else if (code !== 0x3a) {
      // A number, true, false or null (or not JSON): one item, whatever its length.
      const violation = startItem();
      if (violation) return violation;
    }
  }
  return undefined;
}

/**
 * The same limits on a value already parsed (a Kafka payload, an import row,
 * anything handed to validation by a path that did not read the text itself).
 * Iterative; stops at the first violation. Paths are not named here: the text
 * scan, which every HTTP and Kafka body meets first, names them.
 */
export function valueShapeViolation(
  value: unknown,
  limits: JsonLimits = JSON_LIMITS,
): JsonShapeViolation | undefined {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as (typeof stack)[number];
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limits.maxDepth) {
      return {
        rule: 'max-depth',
        field: '(body)',
        message: `The body is nested more than ${limits.maxDepth} levels deep`,
      };
    }
    if (Array.isArray(current)) {
      if (current.length > limits.maxArrayLength) {
        return {
          rule: 'max-array-length',
          field: '(body)',
          message: `An array holds more than ${limits.maxArrayLength} items`,
        };
      }
      for (const item of current) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(current);
    if (keys.length > limits.maxObjectKeys) {
      return {
        rule: 'max-object-keys',
        field: '(body)',
        message: `An object holds more than ${limits.maxObjectKeys} fields`,
      };
    }
    for (const key of keys) {
      if (PROTOTYPE_KEYS.has(key)) {
        return { rule: 'prototype-key', field: '(body)', message: `${key} may not be used as a field name` };
      }
      stack.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return undefined;
}
