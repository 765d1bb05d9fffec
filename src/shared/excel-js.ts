/**
 * exceljs, loaded on first use. It takes about 0.4 s to load and only file
 * imports, the import template and the board pack's workbook need it, so the
 * service starts (and every test's app is built) without it.
 */
type ExcelJs = typeof import('exceljs');

let loaded: ExcelJs | undefined;

export function excelJs(): ExcelJs {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would load it at start-up
  return (loaded ??= require('exceljs') as ExcelJs);
}
