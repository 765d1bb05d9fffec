import { open as openFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

export interface XlsxLimits {
  /** Most bytes all the parts may inflate to together. */
  maxUncompressedBytes: number;
  /** Most bytes one part may inflate to per byte stored (above 1 MiB: small parts compress well). */
  maxRatio: number;
  maxEntries: number;
}

export interface XlsxInspection {
  /** Rows in the first worksheet (xl/worksheets/sheet1.xml), counted in its XML. */
  rows: number;
}

/** The workbook is refused as a whole: a rule name and a message for the 4xx. */
export class XlsxRefused extends Error {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}

const SHEET = 'xl/worksheets/sheet1.xml';
const LOCAL_HEADER = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

const openZip = (path: string): Promise<ZipFile> =>
  new Promise((resolve, reject) =>
    yauzl.open(
      path,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: true, autoClose: false },
      (error, zip) =>
        error
          ? reject(new XlsxRefused('xlsx-not-a-workbook', 'The file is not a readable XLSX workbook'))
          : resolve(zip),
    ),
  );

function entriesOf(zip: ZipFile, limits: XlsxLimits): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      if (entries.length > limits.maxEntries) {
        return reject(
          new XlsxRefused('xlsx-too-many-parts', `The workbook has more than ${limits.maxEntries} parts`),
        );
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () =>
      reject(new XlsxRefused('xlsx-not-a-workbook', 'The file is not a readable XLSX workbook')),
    );
    zip.readEntry();
  });
}

/**
 * Before the spreadsheet library reads a byte: what a workbook holds and
 * how large it inflates, so that a zip bomb, a part hidden between the
 * listed ones, an encrypted part or an XML document type (entity expansion,
 * external entities) is refused with a 4xx and costs bounded time and no
 * memory. Every part is inflated once, counted as it goes and checked
 * against its declared size (yauzl), and the first worksheet's rows are
 * counted for the row limit.
 */
export async function inspectXlsx(path: string, limits: XlsxLimits): Promise<XlsxInspection> {
  const zip = await openZip(path);
  try {
    const directoryOffset = (zip as unknown as { readEntryCursor: number }).readEntryCursor;
    const entries = await entriesOf(zip, limits);
    if (!entries.some((entry) => entry.fileName === SHEET)) {
      throw new XlsxRefused(
        'xlsx-no-worksheet',
        'The workbook has no first worksheet (xl/worksheets/sheet1.xml)',
      );
    }
    let declared = 0;
    for (const entry of entries) {
      if (entry.isEncrypted())
        throw new XlsxRefused('xlsx-encrypted', 'The workbook is encrypted: save it without a password');
      declared += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (
        declared > limits.maxUncompressedBytes ||
        (entry.uncompressedSize > 1 << 20 && ratio > limits.maxRatio)
      ) {
        throw new XlsxRefused(
          'xlsx-too-large-inflated',
          'The workbook inflates to more than this service reads (a zip bomb, or too large)',
        );
      }
    }
    await checkNothingHidden(path, entries, directoryOffset);
    let rows = 0;
    let inflated = 0;
    for (const entry of entries) {
      const counted = await inflate(zip, entry, entry.fileName === SHEET);
      inflated += counted.bytes;
      if (inflated > limits.maxUncompressedBytes) {
        throw new XlsxRefused(
          'xlsx-too-large-inflated',
          'The workbook inflates to more than this service reads',
        );
      }
      if (entry.fileName === SHEET) rows = counted.rows;
    }
    return { rows };
  } finally {
    zip.close();
  }
}

/**
 * The listed parts must lie end to end up to the central directory: a
 * streaming reader walks the local headers, and would inflate a part the
 * directory does not list.
 */
async function checkNothingHidden(
  path: string,
  entries: readonly Entry[],
  directoryOffset: number,
): Promise<void> {
  const file = await openFile(path, 'r');
  try {
    const header = Buffer.alloc(30);
    let expected = 0;
    const ordered = [...entries].sort(
      (a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader,
    );
    for (const entry of ordered) {
      const at = entry.relativeOffsetOfLocalHeader;
      await file.read(header, 0, 30, at);
      if (at !== expected || header.readUInt32LE(0) !== LOCAL_HEADER) throw hidden();
      let end = at + 30 + header.readUInt16LE(26) + header.readUInt16LE(28) + entry.compressedSize;
      if (entry.generalPurposeBitFlag & 8) {
        const signature = Buffer.alloc(4);
        await file.read(signature, 0, 4, end);
        end += signature.readUInt32LE(0) === DESCRIPTOR ? 16 : 12;
      }
      expected = end;
    }
    if (expected !== directoryOffset) throw hidden();
  } finally {
    await file.close();
  }
}

const hidden = (): XlsxRefused =>
  new XlsxRefused('xlsx-hidden-parts', 'The workbook holds data its directory does not list');

/** Inflates one part, counting bytes, looking for a document type, and counting rows in the worksheet. */
async function inflate(
  zip: ZipFile,
  entry: Entry,
  isSheet: boolean,
): Promise<{ bytes: number; rows: number }> {
  const stream = await new Promise<Readable>((resolve, reject) =>
    zip.openReadStream(entry, (error, readable) =>
      error
        ? reject(new XlsxRefused('xlsx-not-a-workbook', 'A part of the workbook cannot be read'))
        : resolve(readable),
    ),
  );
  let bytes = 0;
  let rows = 0;
  let tail = '';
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (!entry.fileName.endsWith('.xml') && !entry.fileName.endsWith('.rels')) continue;
      const text = tail + chunk.toString('latin1');
      if (text.includes('<!DOCTYPE') || text.includes('<!ENTITY')) {
        throw new XlsxRefused(
          'xlsx-xml-doctype',
          'The workbook’s XML declares a document type or entities, which this service refuses',
        );
      }
      if (isSheet) rows += countRows(text, tail.length);
      tail = text.slice(-16);
    }
  } catch (error) {
    if (error instanceof XlsxRefused) throw error;
    throw new XlsxRefused('xlsx-not-a-workbook', 'A part of the workbook is damaged');
  }
  return { bytes, rows };
}

/** `<row ` or `<row>` starts at or after `from` (earlier text was counted with the previous chunk). */
function countRows(text: string, from: number): number {
  let count = 0;
  for (let i = text.indexOf('<row', 0); i >= 0; i = text.indexOf('<row', i + 4)) {
    const next = text[i + 4];
    if (i + 4 >= from && (next === ' ' || next === '>' || next === '\t' || next === '\n' || next === '\r'))
      count++;
  }
  return count;
}
