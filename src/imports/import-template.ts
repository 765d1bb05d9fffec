import { toCsv } from '../projections/http/respond';
import { excelJs } from '../shared/excel-js';
import { COLUMN_GUIDE, IMPORT_COLUMNS } from './import-columns';

/** The template as CSV: the header row alone (the guide is in the XLSX and the docs). */
export function csvTemplate(): string {
  return toCsv([Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, '']))]).split('\n')[0] + '\n';
}

/**
 * The template as an XLSX workbook: "Data" (the header row, frozen, columns
 * as text so codes keep their leading zeros) first, as the import reads the
 * first worksheet, then "Guide" with what each column takes.
 */
export async function xlsxTemplate(): Promise<Buffer> {
  const workbook = new (excelJs().Workbook)();
  workbook.creator = 'Always Events programme tracker';
  const data = workbook.addWorksheet('Data', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = IMPORT_COLUMNS.map((column) => ({
    header: column,
    key: column,
    width: Math.max(12, column.length + 4),
    style: { numFmt: '@' },
  }));
  data.getRow(1).font = { bold: true };
  const guide = workbook.addWorksheet('Guide');
  guide.columns = [
    { header: 'column', key: 'column', width: 20 },
    { header: 'what it takes', key: 'guide', width: 110 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const column of IMPORT_COLUMNS) guide.addRow({ column, guide: COLUMN_GUIDE[column] });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
