import { isNhsNumber } from './nhs-number';
import { PatientDataPattern, patternsIn } from './patient-data-guard';

/**
 * The one screening step for patient-identifiable data, whatever the way in:
 * command bodies (HTTP and Kafka), the HTTP path, query and the headers that
 * are recorded or logged, Kafka message keys and headers, rows of an import.
 * Pure, linear in the size of the input, and it never throws: a value it
 * cannot read is refused rather than let through.
 *
 * A finding names where (a field path, a header, `(path)`) and the pattern,
 * never the value: a refusal must not echo what it refuses.
 */
export type ScreeningRule = PatientDataPattern | 'unscreenable';

export interface ScreeningFinding {
  /** Where: `name`, `observations[1].text`, `aim.(field name)`, `Idempotency-Key`, `(path)`, `row 7.notes`. */
  field: string;
  rule: ScreeningRule;
}

/** A refusal need not list a thousand repeats of one mistake. */
export const MAX_FINDINGS = 20;

/**
 * A canonical UUID is the one closed format screening skips: the service's
 * own identifiers are UUIDs, and no run of its hyphen-separated groups holds
 * exactly ten digits, so only a number glued inside its last group (about one
 * random UUID in a thousand) could look like one.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ten-digit integers (a JSON number is text that came in too). */
function numberPatterns(value: number | bigint): ScreeningRule[] {
  const digits = String(value < 0 ? -value : value);
  return /^\d{10}$/.test(digits) && isNhsNumber(digits) ? ['nhs-number'] : [];
}

/**
 * Short texts screened clean lately. Field names, codes, periods and counts
 * written as text repeat command after command and row after row of an
 * import, and screening each afresh took a tenth of the time of an import. Only a
 * clean text is kept (it holds nothing to refuse), and only a short one, so
 * the set stays small; a text with findings is screened every time.
 */
const cleanTexts = new Set<string>();
const CLEAN_TEXTS = 8_192;
const CLEAN_TEXT_LENGTH = 64;

export function textPatterns(text: string): ScreeningRule[] {
  if (text.length < 5 || UUID.test(text)) return [];
  const kept = text.length <= CLEAN_TEXT_LENGTH;
  if (kept && cleanTexts.has(text)) return [];
  const found = patternsIn(text);
  if (kept && found.length === 0) {
    if (cleanTexts.size >= CLEAN_TEXTS) cleanTexts.clear();
    cleanTexts.add(text);
  }
  return found;
}

/** A path kept as a chain, so a value nested 10,000 deep costs no 10,000 path strings. */
interface Place {
  parent: Place | undefined;
  /** A property name, or an array index. */
  step: string | number;
}

function fieldOf(place: Place | undefined, root: string): string {
  const steps: Array<string | number> = [];
  for (let p = place; p; p = p.parent) steps.push(p.step);
  let path = root;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    path = typeof step === 'number' ? `${path}[${step}]` : path ? `${path}.${step}` : step;
  }
  return path;
}

function walk(value: unknown, root: string, findings: ScreeningFinding[]): void {
  const stack: Array<{ value: unknown; place: Place | undefined }> = [{ value, place: undefined }];
  const seen = new WeakSet<object>();
  const add = (rules: ScreeningRule[], place: Place | undefined, isKey = false): void => {
    for (const rule of rules) {
      if (findings.length >= MAX_FINDINGS) return;
      const path = fieldOf(place, root);
      const field = isKey ? (path ? `${path}.(field name)` : '(field name)') : path || '(value)';
      findings.push({ field, rule });
    }
  };
  while (stack.length > 0 && findings.length < MAX_FINDINGS) {
    const { value: current, place } = stack.pop() as (typeof stack)[number];
    if (typeof current === 'string') add(textPatterns(current), place);
    else if (typeof current === 'number' || typeof current === 'bigint') add(numberPatterns(current), place);
    else if (current !== null && typeof current === 'object' && !seen.has(current)) {
      seen.add(current);
      if (Array.isArray(current)) {
        for (let i = current.length - 1; i >= 0; i--) {
          stack.push({ value: current[i], place: { parent: place, step: i } });
        }
      } else {
        const keys = Object.keys(current);
        for (let i = keys.length - 1; i >= 0; i--) {
          const key = keys[i];
          add(textPatterns(key), place, true);
          stack.push({
            value: (current as Record<string, unknown>)[key],
            place: { parent: place, step: key },
          });
        }
      }
    }
  }
}

/**
 * Every string, number and property name in `value` (a string, a JSON body, a
 * headers object, an import row), found under `field`. Empty when clean.
 */
export function screen(value: unknown, field = ''): ScreeningFinding[] {
  const findings: ScreeningFinding[] = [];
  try {
    walk(value, field, findings);
  } catch {
    return [{ field: field || '(value)', rule: 'unscreenable' }];
  }
  return findings;
}

/** Several named values at once (headers, the parts of a request), each under its own name. */
export function screenEach(values: Iterable<[field: string, value: unknown]>): ScreeningFinding[] {
  const findings: ScreeningFinding[] = [];
  for (const [field, value] of values) {
    if (findings.length >= MAX_FINDINGS) break;
    findings.push(...screen(value, field).slice(0, MAX_FINDINGS - findings.length));
  }
  return findings;
}

/**
 * The rows of an import (CSV or XLSX, parsed to objects or arrays), each
 * named `row <n>` counting from 1 after the header row, as a spreadsheet user
 * would find it.
 */
export function screenRows(rows: Iterable<unknown>, firstRowNumber = 2): ScreeningFinding[] {
  let n = firstRowNumber;
  const named = function* (): Generator<[string, unknown]> {
    for (const row of rows) yield [`row ${n++}`, row];
  };
  return screenEach(named());
}
