/**
 * NHS numbers in normalised text (see normalise-text.ts), however they are
 * written: ten digits with a valid Modulus 11 check digit, in one piece or in
 * groups joined by separators, glued to letters or not. Pure and linear.
 *
 * Digits come in groups (maximal runs of digits). Two groups are joined when
 * only a short separator lies between them: whitespace of any kind and at most
 * two other non-letter characters (`943 476 5919`, `943.476.5919`,
 * `943 / 476 / 5919`, `(943) 476-5919`). A letter joins nothing but ends
 * nothing either: `NHS9434765919a` holds a number. A candidate is any run of
 * joined groups holding exactly ten digits: at most three groups with any
 * separators, or more groups when every separator between them is the same
 * (`9 4 3 4 7 6 5 9 1 9`, `94-34-76-59-19`). That last condition keeps dates
 * and times (`2018-03-14 10:45`: mixed separators) from being read as one
 * number. A group longer than ten digits is a longer number, not an NHS number.
 *
 * Scotland's CHI number and Northern Ireland's H&C number are also ten digits
 * with the same check: they are found by the same rule.
 */

/** NHS Data Dictionary: weights 10..2 on the first nine digits; 11 − (sum mod 11) is the check digit, 11 → 0, 10 invalid. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === digits.charCodeAt(9) - 48;
}

/**
 * What screening treats as an NHS number: a valid check digit, and not ten
 * identical digits, which all pass Modulus 11 but are placeholders, never
 * issued (and a JSON array of zeros would otherwise read as one).
 */
export function isNhsNumber(digits: string): boolean {
  return isValidNhsNumber(digits) && !/^(\d)\1{9}$/.test(digits);
}

const MAX_GAP_SYMBOLS = 2;
const MAX_GAP_LENGTH = 12;
/** Groups with any separators between them that may form a candidate. */
const MAX_MIXED_GROUPS = 3;
const NHS_DIGITS = 10;

interface Group {
  digits: string;
  /** The separator before this group, whitespace runs folded to one space ('' for a run's first group). */
  gap: string;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isHexLetter = (code: number): boolean => (code | 32) >= 97 && (code | 32) <= 102;
const isAlphanumeric = (code: number): boolean => isDigit(code) || isAsciiLetter(code);
const isAsciiLetter = (code: number): boolean => (code | 32) >= 97 && (code | 32) <= 122;
const isAsciiSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13);
const LETTER = /\p{L}/u;
const SPACE = /\s/u;

/** Whether the groups ending with the last one (the only new candidates) hold an NHS number. */
function endsWithNhsNumber(run: readonly Group[]): boolean {
  const last = run.length - 1;
  let total = 0;
  // Whether every separator between the candidate's groups is the same as the last one.
  let sameSeparators = true;
  for (let start = last; start >= 0; start--) {
    if (start < last && run[start + 1].gap !== run[last].gap) sameSeparators = false;
    total += run[start].digits.length;
    if (total > NHS_DIGITS) return false;
    if (total < NHS_DIGITS) continue;
    if (last - start + 1 > MAX_MIXED_GROUPS && !sameSeparators) return false;
    let digits = '';
    for (let k = start; k <= last; k++) digits += run[k].digits;
    return isNhsNumber(digits);
  }
  return false;
}

/** A token this long made only of hexadecimal digits is a hash, a trace id or a UUID's last group. */
const MIN_HEX_TOKEN = 12;

/**
 * Whether the digits from `start` to `end` lie inside a hexadecimal token
 * (letters a–f glued to them, MIN_HEX_TOKEN characters or more): random hex
 * holds a run of ten digits about once in two hundred 40-character hashes,
 * and a glued NHS number is written with other letters (`NHS9434765919`).
 * `cache` keeps the last token found, so a long token is scanned once.
 */
function insideHexToken(
  text: string,
  start: number,
  end: number,
  cache: { start: number; end: number; hex: boolean },
): boolean {
  const gluedBefore = start > 0 && isAsciiLetter(text.charCodeAt(start - 1));
  const gluedAfter = end < text.length && isAsciiLetter(text.charCodeAt(end));
  if (!gluedBefore && !gluedAfter) return false;
  if (start < cache.start || start >= cache.end) {
    let from = start;
    while (from > 0 && isAlphanumeric(text.charCodeAt(from - 1))) from--;
    let to = end;
    while (to < text.length && isAlphanumeric(text.charCodeAt(to))) to++;
    let hex = to - from >= MIN_HEX_TOKEN;
    for (let i = from; hex && i < to; i++) {
      const code = text.charCodeAt(i);
      hex = isDigit(code) || isHexLetter(code);
    }
    Object.assign(cache, { start: from, end: to, hex });
  }
  return cache.hex;
}

/**
 * A canonical UUID (8-4-4-4-12 hex digits), wherever it stands. Its groups are
 * joined by one separator, so a run of them holding exactly ten digits
 * (`…-9660-4095-b7b4-…`: 4 + 4 + 2) passes the joining rule above: about one
 * random UUID in 360 held a valid "NHS number" that way, and the service's own
 * ids in paths and keys were refused by chance. Masked with letters that are
 * not hex, so digits glued to a UUID (`<uuid>9434765919`) are still read as
 * glued to a label, not as part of a hex token.
 */
const UUID = /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/g;
const UUID_MASK = 'u'.repeat(36);

/** The text with every UUID replaced by letters of the same length: an identifier, never a number to join. */
function withoutUuids(text: string): string {
  return text.includes('-') ? text.replace(UUID, UUID_MASK) : text;
}

export function containsNhsNumber(input: string): boolean {
  const text = withoutUuids(input);
  const token = { start: 0, end: 0, hex: false };
  let run: Group[] = [];
  let gap = '';
  let gapSymbols = 0;
  let gapLength = 0;
  let joinable = false;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) {
      let end = i + 1;
      while (end < text.length && isDigit(text.charCodeAt(end))) end++;
      if (insideHexToken(text, i, end, token)) {
        run = [];
        joinable = false;
        i = end;
        continue;
      }
      if (!joinable) run = [];
      run.push({ digits: text.slice(i, end), gap: run.length === 0 ? '' : gap });
      // A candidate spans at most ten groups (each has a digit): older ones can be let go, now and then.
      if (run.length > 4 * NHS_DIGITS) run = run.slice(-NHS_DIGITS);
      if (endsWithNhsNumber(run)) return true;
      i = end;
      gap = '';
      gapSymbols = 0;
      gapLength = 0;
      joinable = true;
      continue;
    }
    const point = code < 0x80 ? text[i] : String.fromCodePoint(text.codePointAt(i) ?? code);
    i += point.length;
    if (!joinable) continue;
    if (code < 0x80 ? isAsciiLetter(code) : LETTER.test(point)) {
      joinable = false;
    } else if (code < 0x80 ? isAsciiSpace(code) : SPACE.test(point)) {
      if (!gap.endsWith(' ')) gap += ' ';
      gapLength++;
    } else {
      gap += point;
      gapSymbols++;
      gapLength++;
    }
    if (gapSymbols > MAX_GAP_SYMBOLS || gapLength > MAX_GAP_LENGTH) joinable = false;
  }
  return false;
}
