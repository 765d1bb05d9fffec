import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '../../src/event-store';
import { loadTrustRegister } from '../../src/trust-register/trust-register';
import { REGISTER_CSV } from '../../src/trust-register/register-csv';
import { buildPlan } from '../../scripts/simulator/plan/build-plan';
import { runSimulation } from '../../scripts/simulator/run/run-simulation';
import {
  everyReturn,
  returnRows,
  TemplateRow,
  writeCsv,
  writeXlsx,
} from '../../scripts/simulator/returns-file';
import { inProcessSender } from '../../bench/support/in-process-sender';
import { startTestApp, TestApp } from '../support/test-app';
import { importFile, spoil, XLSX_TYPE } from './import-files';

const SCALE = 1.8;
const BAD = 50;

/**
 * The simulated programme's monthly returns and measurements, exported as a
 * trust would send them (CSV and XLSX, over 20,000 rows with 50 spoiled),
 * imported over HTTP into a service holding everything else of the programme.
 */
describe('importing the simulated programme’s returns [sqlite: embedded file store, real HTTP]', () => {
  let t: TestApp;
  let rows: TemplateRow[];
  let badRows: number[];
  const files: Record<'csv' | 'xlsx', Buffer> = { csv: Buffer.alloc(0), xlsx: Buffer.alloc(0) };

  beforeAll(async () => {
    t = await startTestApp({ SEED_REGISTER_ON_EMPTY_STORE: 'true', APP_ROLES: 'api,projections' });
    const plan = buildPlan({
      seed: '42',
      scale: SCALE,
      // The register exactly as the simulator plans from it (types and overrides applied).
      register: loadTrustRegister(REGISTER_CSV),
    });
    await runSimulation({
      url: t.url,
      seed: '42',
      scale: SCALE,
      plan,
      send: inProcessSender(t.app),
      skipPreflight: true,
      concurrency: 4,
      include: everyReturn.before,
    });
    const good = [...returnRows(plan, everyReturn.inFile)];
    // Every 400th row spoiled; row numbers in the file count the header as row 1.
    badRows = [];
    rows = good.map((row, i) => {
      if (i % 400 !== 7 || badRows.length >= BAD) return row;
      badRows.push(i + 2);
      return spoil(row, badRows.length - 1);
    });
    await writeCsv(join(t.folder, 'returns.csv'), rows);
    await writeXlsx(join(t.folder, 'returns.xlsx'), rows);
    files.csv = readFileSync(join(t.folder, 'returns.csv'));
    files.xlsx = readFileSync(join(t.folder, 'returns.xlsx'));
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  it('writes every good row and reports exactly the 50 spoiled ones, naming row, column and rule, never the refused value', async () => {
    expect(rows.length).toBeGreaterThanOrEqual(20_000);
    expect(badRows).toHaveLength(BAD);
    const store = t.app.get<symbol, EventStore>(EVENT_STORE);
    const before = await store.headPosition();
    const answer = await importFile(t.url, t.auth, files.csv, 'text/csv');
    expect(answer.status).toBe(200);
    const report = answer.json as {
      entries: Array<{ row: number; field: string | null; rule: string }>;
      totals: Record<string, number>;
    };
    expect([...new Set(report.entries.map((e) => e.row))].sort((a, b) => a - b)).toEqual(badRows);
    expect(report.totals).toEqual({
      rows: rows.length,
      written: rows.length - BAD,
      replayed: 0,
      refused: BAD,
      failed: 0,
    });
    expect(answer.text).not.toMatch(/943 ?476 ?5919/);
    const rules = new Set(report.entries.map((e) => `${e.field}:${e.rule}`));
    expect(rules).toEqual(
      new Set(
        [
          'period:period-format',
          'ods_code:required',
          'numerator:integer',
          'measures_reported:integer',
          'numerator:numerator-exceeds-denominator',
          'submitted_on:date-format',
          'note:nhs-number',
        ].filter((r) => [...rules].includes(r)),
      ),
    );
    // One event per measurement or return written.
    expect((await store.headPosition()) - before).toBeGreaterThanOrEqual(rows.length - BAD);
  }, 300_000);

  it('puts the good rows in the read models: every return the CSV held counts in the compliance figures', async () => {
    const returns = rows.filter((r) => r.record === 'return').length;
    const spoiledReturns = badRows.filter((row) => rows[row - 2].record === 'return').length;
    const head = await t.app.get<symbol, EventStore>(EVENT_STORE).headPosition();
    const ask = () =>
      fetch(`${t.url}/v1/spread/return-compliance?limit=1000&window=none&minPosition=${head}`, {
        headers: t.auth,
      });
    // minPosition waits a bounded time, then answers 503 with Retry-After: a loaded machine may need a second ask.
    let response = await ask();
    for (let i = 0; i < 20 && response.status === 503; i++) {
      await new Promise((resolve) =>
        setTimeout(resolve, 1000 * Number(response.headers.get('retry-after') ?? 1)),
      );
      response = await ask();
    }
    const body = (await response.json()) as { items: Array<{ submitted: number }> };
    expect(response.status).toBe(200);
    expect(body.items.reduce((n, r) => n + r.submitted, 0)).toBe(returns - spoiledReturns);
  }, 300_000);

  it('writes nothing when the same returns come again, as XLSX or CSV, and says every row was already there', async () => {
    const store = t.app.get<symbol, EventStore>(EVENT_STORE);
    const before = await store.headPosition();
    for (const [body, type] of [
      [files.xlsx, XLSX_TYPE],
      [files.csv, 'text/csv'],
    ] as const) {
      const answer = await importFile(t.url, t.auth, body, type);
      expect(answer.status).toBe(200);
      expect(answer.json.totals).toEqual({
        rows: rows.length,
        written: 0,
        replayed: rows.length - BAD,
        refused: BAD,
        failed: 0,
      });
    }
    expect(await store.headPosition()).toBe(before);
  }, 300_000);

  it('reads the XLSX back with exceljs as the rows written', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(files.xlsx as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].rowCount).toBe(rows.length + 1);
  }, 300_000);
});
