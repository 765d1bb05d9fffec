import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '../../../src/event-store';

/**
 * The NHS numbers the screening tests send (each has a valid Modulus 11 check
 * digit): the Data Dictionary's example, one whose check digit is 0 (the
 * 11 → 0 case) and a Scottish CHI-style one (a date of birth, then digits).
 */
export const NHS_NUMBERS = ['9434765919', '4000000020', '0101011232'] as const;

/** Ways of writing 943 476 5919 in text, each with a name for the test title. */
export const WRITINGS: ReadonlyArray<[name: string, text: string]> = [
  ['ten digits', '9434765919'],
  ['3-3-4 with spaces', '943 476 5919'],
  ['3-3-4 with hyphens', '943-476-5919'],
  ['3-3-4 with dots', '943.476.5919'],
  ['3-3-4 with slashes', '943/476/5919'],
  ['3-3-4 with underscores', '943_476_5919'],
  ['3-3-4 with double spaces', '943  476  5919'],
  ['spaced hyphens', '943 - 476 - 5919'],
  ['3-4-3', '943 4765 919'],
  ['pairs', '94 34 76 59 19'],
  ['single digits', '9 4 3 4 7 6 5 9 1 9'],
  ['brackets, space and hyphen', '(943) 476-5919'],
  ['mixed separators', '943 476-5919'],
  ['non-breaking spaces', 'Patient 943\u00a0476\u00a05919'],
  ['thin spaces', '943\u2009476\u20095919'],
  ['narrow no-break spaces', '943\u202f476\u202f5919'],
  ['ideographic spaces', '943\u3000476\u30005919'],
  ['line breaks', '943\n476\n5919'],
  ['full-width digits', '９４３４７６５９１９'],
  ['full-width digits and spaces', '９４３\u3000４７６\u3000５９１９'],
  ['Arabic-Indic digits', '٩٤٣٤٧٦٥٩١٩'],
  ['Devanagari digits', '९४३४७६५९१९'],
  ['mathematical bold digits', '𝟗𝟒𝟑𝟒𝟕𝟔𝟓𝟗𝟏𝟗'],
  ['a zero-width space inside', '94\u200b34765919'],
  ['zero-width joiners', '943\u200d476\u200c5919'],
  ['a soft hyphen', '943\u00ad4765919'],
  ['a word joiner', '9434\u2060765919'],
  ['a byte-order mark', '\ufeff9434765919'],
  ['a combining accent', '9\u0301434765919'],
  ['a right-to-left override', '\u202e9434765919\u202c'],
  ['glued to letters', 'NHS9434765919'],
  ['glued after an underscore', 'NHS_9434765919'],
  ['glued to a label', 'NHSno9434765919'],
  ['a letter glued after', '9434765919a'],
  ['inside a word', 'ref9434765919x'],
  ['after other numbers', 'seen 12 943 476 5919'],
];

/** The writings a header can carry as Latin-1 text (anything else is sent as UTF-8 bytes). */
export const isLatin1 = (text: string): boolean =>
  [...text].every((c) => c.charCodeAt(0) <= 0xff && c !== '\n');

/** A string whose Latin-1 code units are the UTF-8 bytes of `text`: how to put UTF-8 into an HTTP header. */
export const utf8AsLatin1 = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

/** Every way a refused text could appear in a file or a record: as sent, JSON-escaped, URL-encoded, and its digits. */
export function needles(texts: readonly string[]): string[] {
  const all = new Set<string>(NHS_NUMBERS);
  for (const text of texts) {
    all.add(text);
    all.add(JSON.stringify(text).slice(1, -1));
    all.add(encodeURIComponent(text));
    all.add(utf8AsLatin1(text));
  }
  // Too short to mean anything alone (a single digit would match timestamps).
  return [...all].filter((n) => n.replace(/\D/g, '').length >= 10 || n.length >= 10);
}

/** The needles found in `haystack` (a file's bytes or a text). */
export function leaks(haystack: Buffer | string, found: readonly string[]): string[] {
  const bytes = typeof haystack === 'string' ? Buffer.from(haystack, 'utf8') : haystack;
  return found.filter((needle) => bytes.includes(Buffer.from(needle, 'utf8')));
}

/** The embedded store's files and the state database, byte for byte (WAL files included). */
export function storeFiles(folder: string): Buffer {
  if (!existsSync(folder)) return Buffer.alloc(0);
  const files = readdirSync(folder).filter((f) => /\.sqlite(-wal|-shm|-journal)?$/.test(f));
  return Buffer.concat(files.map((f) => readFileSync(join(folder, f))));
}

/** Every event in the store, data and metadata, as one text: what any adapter holds. */
export async function storeText(store: EventStore): Promise<string> {
  return JSON.stringify(await store.readAll({ maxCount: 1_000_000 }));
}
