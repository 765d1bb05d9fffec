import { containsNhsNumber } from './nhs-number';
import { normaliseForScreening } from './normalise-text';

/**
 * What counts as patient-identifiable data in one piece of text, read after
 * normalisation (normalise-text.ts). Pure; every pattern is linear in the
 * length of the text (fixed-length patterns, or scans around an anchor).
 * docs/governance/screening.md says why each class is refused and what passes.
 *
 * - `nhs-number`: ten digits with a valid Modulus 11 check, however written (nhs-number.ts);
 * - `email-address`: anyone's: the service records no contact details, and a
 *   patient's address cannot be told from a member of staff's;
 * - `uk-phone-number`: +44 or a leading 0, then 9 or 10 more digits (spaces, dots, hyphens allowed);
 * - `date-of-birth`: a full date labelled as a birth date (DOB, date of birth, born);
 * - `postcode-with-date`: a full UK postcode within 60 characters of a full date:
 *   together they may be where and when someone was born; a postcode alone
 *   (a site's address) or a date alone pass;
 * - `postcode-of-residence`: a full postcode said to be where someone lives;
 * - `patient-identifier`: a number labelled as a hospital, medical record,
 *   case note, PAS, CHI, patient or NHS number (four digits or more), whether
 *   or not its check digit is valid: the label says what it is.
 */
export type PatientDataPattern =
  | 'nhs-number'
  | 'email-address'
  | 'uk-phone-number'
  | 'date-of-birth'
  | 'postcode-with-date'
  | 'postcode-of-residence'
  | 'patient-identifier';

export const PATTERN_DESCRIPTIONS: Record<PatientDataPattern, string> = {
  'nhs-number': 'an NHS number',
  'email-address': 'an email address',
  'uk-phone-number': 'a UK phone number',
  'date-of-birth': 'a date of birth',
  'postcode-with-date': 'a postcode next to a date',
  'postcode-of-residence': 'the postcode where someone lives',
  'patient-identifier': 'a hospital or patient number',
};

const UK_PHONE = /(?<![\w+])(?:\+44[ .-]?(?:\(0\)[ .-]?)?|0)(?:\d[ .\-/]?){8,9}\d(?![\w-])/;
const POSTCODE = /\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/gi;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\\.?';
const DATE = new RegExp(
  `\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)? ${MONTH},? \\d{4})\\b`,
  'gi',
);
const BIRTH_LABEL = /\b(?:d\.? ?o\.? ?b\b\.?|date of birth|birth ?date|born(?: on)?)/gi;
const RESIDENCE_LABEL =
  /\b(?:lives?|living|resides?|residing|resident|home address|home postcode|(?:patient'?s|their|his|her) (?:address|postcode))\b/gi;
const LABELLED_IDENTIFIER =
  /\b(?:mrn|(?:hospital|hosp|medical records?|case ?notes?|pas|chi|patient|nhs) ?(?:number|no\.?|num\.?|#|id|identifier))(?![a-z])[ :#.=-]{0,4}((?:[a-z]{1,3}[ -]?)?\d[\d -]{0,16})/gi;
const DOB_REACH = 20;
const POSTCODE_DATE_REACH = 60;
const RESIDENCE_REACH = 40;

interface Span {
  start: number;
  end: number;
}

const spans = (text: string, pattern: RegExp): Span[] =>
  [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

/** Whether some `b` starts within `reach` characters after some `a` ends (or, with `either`, before it starts). Linear merge. */
function near(a: Span[], b: Span[], reach: number, either = false): boolean {
  let j = 0;
  for (const left of a) {
    while (j < b.length && b[j].end < left.start - (either ? reach : 0)) j++;
    for (let k = j; k < b.length && b[k].start <= left.end + reach; k++) {
      if (either || b[k].start >= left.end) return true;
    }
  }
  return false;
}

/** Linear: each character is looked at from at most the two '@' around it. */
function containsEmail(text: string): boolean {
  const local = /[A-Za-z0-9._%+'-]/;
  const domain = /[A-Za-z0-9.-]/;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at === 0 || !local.test(text[at - 1])) continue;
    let end = at + 1;
    while (end < text.length && domain.test(text[end])) end++;
    const host = text.slice(at + 1, end).replace(/\.+$/, '');
    const dot = host.lastIndexOf('.');
    if (dot > 0 && /^[A-Za-z]{2,}$/.test(host.slice(dot + 1))) return true;
  }
  return false;
}

function containsLabelledIdentifier(text: string): boolean {
  for (const match of text.matchAll(LABELLED_IDENTIFIER)) {
    if ((match[1].match(/\d/g)?.length ?? 0) >= 4) return true;
  }
  return false;
}

function countDigits(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) count++;
  }
  return count;
}

/** The patterns of patient data in a piece of text (never the text itself). */
export function patternsIn(raw: string): PatientDataPattern[] {
  const text = normaliseForScreening(raw);
  const found: PatientDataPattern[] = [];
  if (text.includes('@') && containsEmail(text)) found.push('email-address');
  // Every other pattern needs digits: prose without any, the common case, is done.
  const digits = countDigits(text);
  if (digits < 2) return found;
  if (digits >= 10 && containsNhsNumber(text)) found.push('nhs-number');
  if (digits >= 10 && UK_PHONE.test(text)) found.push('uk-phone-number');
  const dates = digits >= 4 ? spans(text, DATE) : [];
  if (dates.length > 0 && near(spans(text, BIRTH_LABEL), dates, DOB_REACH, true)) found.push('date-of-birth');
  const postcodes = spans(text, POSTCODE);
  if (postcodes.length > 0) {
    if (near(postcodes, dates, POSTCODE_DATE_REACH, true)) found.push('postcode-with-date');
    if (near(spans(text, RESIDENCE_LABEL), postcodes, RESIDENCE_REACH)) found.push('postcode-of-residence');
  }
  if (digits >= 4 && containsLabelledIdentifier(text)) found.push('patient-identifier');
  return found;
}
