import { createHash, randomBytes } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json';

/** What a redacted field reads as, everywhere, from then on. */
export const REDACTED = '[redacted]';

export interface FieldRefusal {
  field: string;
  rule: 'field-not-found' | 'field-not-text' | 'field-already-redacted';
  message: string;
}

export interface RedactedData {
  data: unknown;
  /** The values removed, by field: hashed for the audit, never stored. */
  removed: Record<string, string>;
  refusals: FieldRefusal[];
}

/**
 * A copy of an event's data with each named field (a dotted path to a text
 * value, e.g. `summary` or `questions.2`) replaced by `[redacted]`. Only text
 * can be redacted: patient data gets in through free text, and a number or a
 * flag replaced by a marker would break the folds that read it.
 */
export function redactFields(data: unknown, fields: readonly string[]): RedactedData {
  const copy = structuredClone(data) as Record<string, unknown>;
  const removed: Record<string, string> = {};
  const refusals: FieldRefusal[] = [];
  for (const field of fields) {
    const keys = field.split('.');
    let node: unknown = copy;
    for (const key of keys.slice(0, -1))
      node = isContainer(node) ? (node as Record<string, unknown>)[key] : undefined;
    const last = keys[keys.length - 1];
    const value = isContainer(node) ? (node as Record<string, unknown>)[last] : undefined;
    if (value === undefined || !isContainer(node) || !Object.hasOwn(node, last)) {
      refusals.push({ field, rule: 'field-not-found', message: `The event has no field ${field}` });
    } else if (typeof value !== 'string') {
      refusals.push({
        field,
        rule: 'field-not-text',
        message: `${field} is not text; only text can be redacted`,
      });
    } else if (value === REDACTED) {
      refusals.push({ field, rule: 'field-already-redacted', message: `${field} was already redacted` });
    } else {
      removed[field] = value;
      (node as Record<string, unknown>)[last] = REDACTED;
    }
  }
  return { data: copy, removed, refusals };
}

const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] =>
  typeof value === 'object' && value !== null;

/**
 * The audit's fingerprint of what was removed: SHA-256 over a random salt and
 * the removed values. The salt is handed to the operator once (for the DPO's
 * case file) and never stored: a bare hash of a ten-digit NHS number could be
 * reversed by trying every number, a salted one only by whoever holds the salt.
 */
export function fingerprint(removed: Record<string, string>): { sha256: string; salt: string } {
  const salt = randomBytes(32).toString('base64url');
  return { sha256: saltedHash(removed, salt), salt };
}

export const saltedHash = (removed: Record<string, string>, salt: string): string =>
  createHash('sha256').update(salt).update(canonicalJson(removed)).digest('hex');
