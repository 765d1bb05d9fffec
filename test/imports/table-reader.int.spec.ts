import fc from 'fast-check';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countCsvRows, csvRows, CsvUnreadable } from '../../src/imports/table-reader';

/**
 * The CSV reader on real files: whatever a spreadsheet writes (quoted
 * commas, quotes and line breaks, any Unicode, a byte-order mark, UTF-16LE)
 * reads back cell for cell, across the pieces the file is read in, for a
 * reader that keeps up and one that falls behind; a broken file is refused.
 */
describe('csvRows (real files)', () => {
  let folder: string;
  let n = 0;
  beforeAll(() => (folder = mkdtempSync(join(tmpdir(), 'aet-csv-'))));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const file = (content: string | Buffer): string => {
    const path = join(folder, `f${n++}.csv`);
    writeFileSync(path, content);
    return path;
  };
  const quoted = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const csv = (table: string[][], eol: string) => table.map((r) => r.map(quoted).join(',')).join(eol) + eol;
  const encodings = {
    utf8: (text: string) => Buffer.from(text, 'utf8'),
    'utf8 with a mark': (text: string) => Buffer.from(`\ufeff${text}`, 'utf8'),
    'utf16le with a mark': (text: string) =>
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  };

  async function read(path: string, slow: boolean): Promise<string[][]> {
    const rows: string[][] = [];
    for await (const { row, cells } of csvRows(path)) {
      expect(row).toBe(rows.length + 1);
      rows.push(cells as string[]);
      if (slow && row % 97 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return rows;
  }

  // A row of one empty cell is an empty line, which the reader skips.
  const cell = fc.string({
    unit: fc.constantFrom('a', 'é', '😀', ',', '"', '\n', '\r\n', ' ', '9'),
    maxLength: 40,
  });
  const table = fc.array(
    fc.array(cell, { minLength: 1, maxLength: 8 }).filter((r) => r.length > 1 || r[0] !== ''),
    { minLength: 1, maxLength: 4_000, size: 'max' },
  );

  it('reads back every cell, whatever the encoding, line ending and pace of the reader', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.constantFrom(...(Object.keys(encodings) as Array<keyof typeof encodings>)),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        async (rows, encoding, eol, slow) => {
          const path = file(encodings[encoding](csv(rows, eol)));
          expect(await read(path, slow)).toEqual(rows);
          expect(await countCsvRows(path)).toBe(rows.length);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('skips empty lines, however many, and keeps rows of any length', async () => {
    // Far more empty lines than the longest record: each is a line of its own, not part of the next record.
    for (const eol of ['\n', '\r\n']) {
      const blank = file(`a,b${eol.repeat(200_000)}1,2${eol.repeat(100_000)}3,4${eol}`);
      expect(await read(blank, false)).toEqual([
        ['a', 'b'],
        ['1', '2'],
        ['3', '4'],
      ]);
      expect(await countCsvRows(blank)).toBe(3);
    }
    expect(await read(file('a,b,c\n\n1\n\n1,2,3,4\n'), false)).toEqual([
      ['a', 'b', 'c'],
      ['1'],
      ['1', '2', '3', '4'],
    ]);
    expect(await countCsvRows(file(''))).toBe(0);
  });

  it.each([
    ['a quote left open', 'a,b\n1,"2\n3,4\n'],
    ['text after a closing quote', 'a,b\n1,"2"x,3\n'],
    ['a record over 64 KiB', `a,b\n1,${'x'.repeat(70_000)}\n2,3\n`],
    ['a quoted record that never ends', `a,b\n1,"${'x'.repeat(3_000_000)}`],
  ])('refuses %s, when counting and when reading', async (_, content) => {
    const path = file(content);
    await expect(countCsvRows(path)).rejects.toBeInstanceOf(CsvUnreadable);
    await expect(read(path, false)).rejects.toBeInstanceOf(CsvUnreadable);
  });

  it('lets a reader stop after the first row, leaving no file open', async () => {
    const path = file(
      csv(
        Array.from({ length: 20_000 }, (_, i) => [`${i}`, 'x'.repeat(20)]),
        '\n',
      ),
    );
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
    // Linux: the process's open file descriptors.
    const open = () => readdirSync('/proc/self/fd').length;
    await settle();
    const before = open();
    for await (const first of csvRows(path)) {
      expect(first.cells).toEqual(['0', 'x'.repeat(20)]);
      break;
    }
    await settle();
    expect(open()).toBe(before);
  });
});
