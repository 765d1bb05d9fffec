import { getMetadataStorage } from 'class-validator';
import type { FieldProblem } from '../problem';
import { describeViolation, hygieneViolation, MULTILINE_MIN_LENGTH } from './text-hygiene';

const NONE: ReadonlySet<string> = new Set();

/** Per DTO class: the properties long enough (by their MaxLength) to be free text that may span lines. */
const multilineFields = new WeakMap<object, Set<string>>();

function multilineFieldsOf(type: object): ReadonlySet<string> {
  let fields = multilineFields.get(type);
  if (!fields) {
    const metadata = getMetadataStorage().getTargetValidationMetadatas(type as () => void, '', true, false);
    fields = new Set(
      metadata
        .filter((m) => m.name === 'maxLength' && Number(m.constraints?.[0]) >= MULTILINE_MIN_LENGTH)
        .map((m) => m.propertyName),
    );
    multilineFields.set(type, fields);
  }
  return fields;
}

/**
 * Text hygiene (text-hygiene.ts) for every string of a DTO, nested
 * DTOs and lists included, whatever decorators its class declares: one 400
 * entry per offending field, named as class-validator names fields. Tabs and
 * line breaks pass only in fields whose MaxLength is at least
 * MULTILINE_MIN_LENGTH. Iterative, so no input depth can exhaust the stack.
 */
export function textHygieneProblems(dto: object): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: Array<{ value: unknown; field: string; multiline: boolean }> = [
    { value: dto, field: '', multiline: false },
  ];
  const seen = new WeakSet<object>();
  while (stack.length > 0) {
    const { value, field, multiline } = stack.pop() as (typeof stack)[number];
    if (typeof value === 'string') {
      const violation = hygieneViolation(value, multiline);
      if (violation) {
        problems.push({ field, rule: violation.rule, message: describeViolation(field, violation) });
      }
    } else if (Array.isArray(value)) {
      if (seen.has(value)) continue;
      seen.add(value);
      value.forEach((item, i) => stack.push({ value: item, field: `${field}.${i}`, multiline }));
    } else if (value !== null && typeof value === 'object') {
      if (seen.has(value)) continue;
      seen.add(value);
      // An object without a prototype has no constructor to ask: none of its fields spans lines.
      const type: unknown = value.constructor;
      const multilines = typeof type === 'function' ? multilineFieldsOf(type) : NONE;
      for (const [key, item] of Object.entries(value)) {
        stack.push({ value: item, field: field ? `${field}.${key}` : key, multiline: multilines.has(key) });
      }
    }
  }
  return problems.reverse();
}
