import { parse } from 'csv-parse/sync';
import { neutraliseCell, toCsv } from '../../../src/projections/http/respond';

describe('CSV cells are safe to open in a spreadsheet (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['-5', `'-5`],
  ])('a text cell %j starts with a single quote', (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });

  it.each(['Royal Example NHS Trust', 'a=b', ' =1', '2018-03-31', "'quoted already", ''])(
    'a text cell %j is left as it is',
    (cell) => {
      expect(neutraliseCell(cell)).toBe(cell);
    },
  );

  it('neutralises every text cell and header, keeps numbers (negative ones too) and booleans, and quotes as CSV needs', () => {
    const csv = toCsv([
      { name: '=HYPERLINK("http://x","y")', change: -5, share: -0.25, note: '-5', live: false, tags: ['=1'] },
      { '@column': 'x' },
    ]);
    const [header, ...rows] = parse(csv, { relax_column_count: true }) as string[][];
    expect(header).toEqual(['name', 'change', 'share', 'note', 'live', 'tags', "'@column"]);
    expect(rows[0]).toEqual([`'=HYPERLINK("http://x","y")`, '-5', '-0.25', "'-5", 'false', '["=1"]', '']);
    expect(rows[1]).toEqual(['', '', '', '', '', '', 'x']);
    expect(csv.split('\n')[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/x"",""y""\)",-5,-0.25,'-5,false,/);
  });
});
