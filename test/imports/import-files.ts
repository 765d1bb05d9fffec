import type { TemplateRow } from '../../scripts/simulator/returns-file';

/** The report (200) or problem (4xx) as the tests read it. */
export interface ImportAnswerBody {
  entries: Array<{ row: number; outcome: string; field: string | null; rule: string | null }>;
  totals: { rows: number; written: number; replayed: number; refused: number; failed: number };
  errors?: Array<{ field: string; rule: string }>;
}

/** Uploads a file as the request body and reads the whole report. */
export async function importFile(
  url: string,
  auth: Record<string, string>,
  body: Buffer,
  contentType: string,
  query = '',
): Promise<{ status: number; json: ImportAnswerBody; text: string; contentType: string }> {
  const response = await fetch(`${url}/v1/imports${query}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': contentType },
    body: new Uint8Array(body),
  });
  const text = await response.text();
  let json = {} as ImportAnswerBody;
  try {
    json = JSON.parse(text) as ImportAnswerBody;
  } catch {
    // A CSV report: the tests read `text`.
  }
  return { status: response.status, json, text, contentType: response.headers.get('content-type') ?? '' };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Fifty rows that must each be refused, for fifty reasons a trust's
 * spreadsheet has in practice, each spoiling a copy of a good row (which is
 * then not in the file): the index says which good row each replaces.
 */
export function spoil(row: TemplateRow, i: number): TemplateRow {
  const kinds: Array<(r: TemplateRow) => TemplateRow> = [
    (r) => ({ ...r, period: '13/2019' }),
    (r) => ({ ...r, ods_code: '' }),
    (r) => (r.record === 'measurement' ? { ...r, numerator: 'many' } : { ...r, measures_reported: 'lots' }),
    (r) =>
      r.record === 'measurement'
        ? { ...r, numerator: Number(r.denominator) + 5 }
        : { ...r, submitted_on: '31/02/2019' },
    (r) =>
      r.record === 'measurement'
        ? { ...r, note: 'Patient 943 476 5919 said so' }
        : { ...r, submitted_on: '2019-02-30' },
  ];
  return kinds[i % kinds.length](row);
}
