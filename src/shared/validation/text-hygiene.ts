/**
 * Characters no text the service stores or logs may hold: they are invisible,
 * reorder what a reader sees (Trojan Source), break terminals and log
 * viewers, or are not text at all. Pure.
 *
 * - C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F), except tab
 *   and line feed (and CR before LF) in long free-text fields;
 * - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069);
 * - unpaired surrogates (not Unicode text: they cannot be encoded as UTF-8);
 * - non-characters (U+FDD0–U+FDEF and the last two code points of every plane).
 */
export type HygieneRule =
  'control-character' | 'line-break' | 'bidi-control' | 'lone-surrogate' | 'non-character';

export interface HygieneViolation {
  rule: HygieneRule;
  /** The offending code point as U+XXXX: safe to show, and it tells the sender what to remove. */
  codePoint: string;
}

/** Long free-text fields (a length limit of at least this many characters) may hold tabs and line breaks. */
export const MULTILINE_MIN_LENGTH = 500;

/** Every character refused anywhere, and a CR not followed by LF. */
const SUSPECT =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\p{Noncharacter_Code_Point}]|\r(?!\n)/u;
const LINE_BREAK = /[\t\n\r]/;

function ruleOf(codePoint: number): HygieneRule {
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'lone-surrogate';
  if ((codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069)) {
    return 'bidi-control';
  }
  if (codePoint <= 0x9f) return 'control-character';
  return 'non-character';
}

const hex = (codePoint: number): string => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character `text` may not hold, or undefined when it is clean. */
export function hygieneViolation(text: string, multiline = false): HygieneViolation | undefined {
  const match = SUSPECT.exec(text);
  if (match) {
    const codePoint = match[0].codePointAt(0) ?? 0;
    return { rule: ruleOf(codePoint), codePoint: hex(codePoint) };
  }
  if (!multiline) {
    const lineBreak = LINE_BREAK.exec(text);
    if (lineBreak) return { rule: 'line-break', codePoint: hex(lineBreak[0].charCodeAt(0)) };
  }
  return undefined;
}

const DESCRIPTIONS: Record<HygieneRule, string> = {
  'control-character': 'a control character',
  'line-break': 'a tab or line break, which only long free-text fields may hold',
  'bidi-control': 'a bidirectional override or isolate',
  'lone-surrogate': 'an unpaired surrogate (not valid Unicode)',
  'non-character': 'a Unicode non-character',
};

export function describeViolation(field: string, violation: HygieneViolation): string {
  return `${field} contains ${DESCRIPTIONS[violation.rule]} (${violation.codePoint})`;
}
