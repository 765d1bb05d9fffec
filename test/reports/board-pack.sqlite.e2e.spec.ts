import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runSimulation } from '../../scripts/simulator/run/run-simulation';
import { inProcessSender } from '../../bench/support/in-process-sender';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The board pack for the simulated programme as of 2019-10-31, opened as a
 * reader would: the PDF through poppler (pdftotext, pdftoppm; CI installs
 * poppler-utils) and the XLSX read back with exceljs, each giving the figures
 * the API serves for the same bounds.
 */
describe('the board pack [sqlite: embedded file store, real HTTP, poppler]', () => {
  let t: TestApp;
  const bounds = 'asOf=2019-10-31';

  beforeAll(async () => {
    t = await startTestApp({ SEED_REGISTER_ON_EMPTY_STORE: 'true', APP_ROLES: 'api' });
    await runSimulation({
      url: t.url,
      seed: '42',
      scale: 0.1,
      send: inProcessSender(t.app),
      skipPreflight: true,
      concurrency: 4,
    });
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  const get = async (path: string, accept = 'application/json') => {
    const response = await fetch(`${t.url}${path}`, { headers: { ...t.auth, accept } });
    expect(response.status).toBe(200);
    return response;
  };

  it('is an A4 PDF whose text is real text with the API’s figures, the cut it was built from, and a readable first page', async () => {
    const summary = (await (await get(`/v1/spread/summary?${bounds}`)).json()) as {
      enrolled: number;
      enrolledWithSeniorSupport: number;
      nhsTrusts: { sharePercent: number };
    };
    const compliance = (await (await get(`/v1/spread/return-compliance?${bounds}`)).json()) as {
      totals: { compliancePercent: number; expected: number; onTime: number };
    };
    const response = await get(`/v1/reports/programme?${bounds}`, 'application/pdf');
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = join(t.folder, 'pack.pdf');
    writeFileSync(pdf, Buffer.from(await response.arrayBuffer()));
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Board pack: figures on 2019-10-31');
    const tiles =
      /Enrolled\s+With senior support\s+Share of NHS trusts\s+Returns on time\s+(\d+)\s+(\d+)\s+([\d.]+)%\s+([\d.]+)%/.exec(
        text,
      );
    expect(tiles?.slice(1).map(Number)).toEqual([
      summary.enrolled,
      summary.enrolledWithSeniorSupport,
      summary.nhsTrusts.sharePercent,
      compliance.totals.compliancePercent,
    ]);
    expect(text).toMatch(/log position \d+, checksum\s+[0-9a-f]{64}/);
    expect(text).toMatch(/Generated \S+ by test-admin/);
    execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', pdf, join(t.folder, 'page')]);
    const png = readFileSync(join(t.folder, 'page-1.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // 8.27 × 11.69 inches at 100 dpi: a full A4 page.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([827, 1170]);
    expect(statSync(join(t.folder, 'page-1.png')).size).toBeGreaterThan(20_000);
    // Kept for a reader to open; a fresh clone has no test-artifacts/ yet.
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync(join('test-artifacts', 'board-pack.pdf'), readFileSync(pdf));
    // Each Always Event page draws its measures with the Making Data Count renderer the chart.svg route uses.
    const pages = text.split('\f');
    const alwaysEventPage = pages.findIndex((page) => /: Always Event/.test(page));
    expect(alwaysEventPage).toBeGreaterThan(0);
    expect(pages[alwaysEventPage]).toMatch(/(XmR|Run|p) chart · NHS England Making Data Count/);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '100',
      '-f',
      String(alwaysEventPage + 1),
      '-l',
      String(alwaysEventPage + 1),
      pdf,
      join(t.folder, 'ae'),
    ]);
  });

  it('is an XLSX that exceljs reads back with the same figures as the API and the PDF', async () => {
    const summary = (await (await get(`/v1/spread/summary?${bounds}`)).json()) as {
      enrolled: number;
      enrolledWithSeniorSupport: number;
    };
    const timeline = (await (await get(`/v1/spread/timeline?${bounds}`)).json()) as {
      items: Array<{ month: string; enrolledWithSeniorSupport: number }>;
    };
    const response = await get(
      `/v1/reports/programme?${bounds}&format=xlsx`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const figures = new Map<string, unknown>();
    workbook
      .getWorksheet('Summary')
      ?.eachRow((row) => figures.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(figures.get('enrolled')).toBe(summary.enrolled);
    expect(figures.get('enrolled with senior support')).toBe(summary.enrolledWithSeniorSupport);
    expect(figures.get('figures on')).toBe('2019-10-31');
    const months: Array<[string, number]> = [];
    workbook.getWorksheet('Enrolment')?.eachRow((row, n) => {
      if (n > 1) months.push([String(row.getCell(1).value), Number(row.getCell(4).value)]);
    });
    expect(months).toEqual(timeline.items.map((r) => [r.month, r.enrolledWithSeniorSupport]));
  });
});
