/**
 * Text as the patient-data detectors read it: what a person sees, not how it
 * was typed. Pure; the result is only ever matched, never stored or shown.
 *
 * - Unicode NFKC: full-width and other compatibility digits, letters and
 *   spaces become their plain forms (`９４３` → `943`, NBSP → space);
 * - format characters (Cf: zero-width spaces and joiners, soft hyphens, word
 *   joiners, bidi controls, BOMs), combining marks and invisible filler
 *   letters are removed: they change nothing a reader sees;
 * - every other decimal digit (Arabic-Indic, Devanagari, ...) becomes its
 *   ASCII digit, since NFKC leaves those as they are;
 * - unpaired surrogates become U+FFFD, so nothing downstream meets them.
 */

/** Tab, line breaks and printable ASCII: nothing to fold, by far the common case. */
const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/;
const INVISIBLE = /[\p{Cf}\p{M}\u115f\u1160\u3164\uffa0]/gu;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
/** With the u flag a surrogate class matches only unpaired ones. */
const LONE_SURROGATE = /[\ud800-\udfff]/gu;

let digitZeros: number[] | undefined;

/**
 * The code point of the zero of every decimal digit set, ascending. Unicode
 * encodes each set as ten consecutive code points from 0 to 9 and none lies
 * beyond U+1FFFF, so one pass over the first two planes finds them (once, on
 * the first text that needs it).
 */
function zeros(): number[] {
  if (digitZeros) return digitZeros;
  const found: number[] = [];
  const digit = /\p{Nd}/u;
  let run = 0;
  for (let cp = 0x80; cp <= 0x1ffff; cp++) {
    if (digit.test(String.fromCodePoint(cp))) {
      if (run % 10 === 0) found.push(cp);
      run++;
    } else {
      run = 0;
    }
  }
  digitZeros = found;
  return found;
}

/** The ASCII digit a decimal digit of any script stands for. */
export function asciiDigit(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  const table = zeros();
  let low = 0;
  let high = table.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (table[mid] <= cp) low = mid;
    else high = mid - 1;
  }
  return String(cp - table[low]);
}

export function normaliseForScreening(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  return text
    .replace(LONE_SURROGATE, '\ufffd')
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(NON_ASCII_DIGIT, asciiDigit);
}
