/**
 * Finds text that looks like patient-identifiable data, so it is refused
 * before it can enter the immutable event log. Pure: no I/O.
 *
 * What counts (and why):
 * - an NHS number: 10 digits, optionally grouped 3-3-4 by spaces or hyphens,
 *   whose Modulus 11 check digit is valid. Ten digits that fail the check are
 *   not NHS numbers and pass (unless they look like a UK phone number);
 * - an email address;
 * - a UK phone number: +44 or a leading 0, then 9 or 10 more digits (spaces allowed);
 * - a UK postcode within 60 characters of a date (dd/mm/yyyy, yyyy-mm-dd, "DOB"/"born"):
 *   together they identify a person; a postcode alone (a site address) or a date alone do not.
 * Digits that are part of a longer token (UUIDs, codes) are not read as numbers.
 */
export type PatientDataPattern =
  'nhs-number' | 'email-address' | 'uk-phone-number' | 'postcode-with-date-of-birth';

export interface PatientDataFinding {
  field: string;
  pattern: PatientDataPattern;
}

const NHS_NUMBER = /(?<![\w-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\w-])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const UK_PHONE = /(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|0)(?:\d[\s-]?){8,9}\d(?![\w-])/;
const POSTCODE = /\b(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/gi;
const DATE_OF_BIRTH =
  /\b(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|d\.?o\.?b\.?|date of birth|born)\b/gi;

/** NHS Data Dictionary: weights 10..2 on the first nine digits; 11 − (sum mod 11) is the check digit, 11 → 0, 10 invalid. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((total, d, i) => total + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

function patternsIn(text: string): PatientDataPattern[] {
  const found = new Set<PatientDataPattern>();
  for (const match of text.matchAll(NHS_NUMBER)) {
    if (isValidNhsNumber(match[1] + match[2] + match[3])) found.add('nhs-number');
  }
  if (EMAIL.test(text)) found.add('email-address');
  if (UK_PHONE.test(text)) found.add('uk-phone-number');
  const postcodes = [...text.matchAll(POSTCODE)].map((m) => m.index ?? 0);
  if (postcodes.length > 0) {
    const dates = [...text.matchAll(DATE_OF_BIRTH)].map((m) => m.index ?? 0);
    if (postcodes.some((p) => dates.some((d) => Math.abs(p - d) <= 60)))
      found.add('postcode-with-date-of-birth');
  }
  return [...found];
}

/** Field names whose values are identifiers or links by design, not free text. */
const EXEMPT = /(^|\.)(url|commandId)$|Ids?$|Code$/;

/** Scans every string in a command body; returns where patient data appears (never the value). */
export function findPatientData(value: unknown, path = ''): PatientDataFinding[] {
  if (typeof value === 'string') {
    if (EXEMPT.test(path.replace(/\[\d+\]$/, ''))) return [];
    return patternsIn(value).map((pattern) => ({ field: path || '(value)', pattern }));
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => findPatientData(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      findPatientData(item, path ? `${path}.${key}` : key),
    );
  }
  return [];
}
