import ExcelJS from 'exceljs';
import { Browser, launchChromium } from './support/chromium';
import { DashboardApp, KEYS, startDashboardApp } from './support/dashboard-app';
import { DashboardPage, signedInPage } from './support/dashboard-page';

const HEADER =
  'record,ods_code,always_event_id,measure_id,unit_id,period,numerator,denominator,reported_on,note';

/**
 * A month's figures imported from the Imports page, against the whole
 * service with the dashboard's data: a CSV chosen, an XLSX chosen, a CSV
 * dropped on the page; and a file the API refuses. Every check reads what
 * the page shows.
 */
describe('importing from the dashboard [Chromium, sqlite: embedded file store]', () => {
  let app: DashboardApp;
  let browser: Browser;
  let tab: DashboardPage;
  let odsCode: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDashboardApp({}, 24), launchChromium()]);
    const entry = await app.api<{ organisation: { odsCode: string } }>(
      `/v1/evaluation/always-events/${app.data.longSeries.alwaysEventId}`,
    );
    odsCode = entry.organisation.odsCode;
    tab = await signedInPage(browser, app.t.url, KEYS.admin.key);
  }, 180_000);
  afterAll(async () => {
    await tab?.page.close();
    await browser?.close();
    await app?.close();
  });

  /** A measurement row of the long measure, as the template lays it out. */
  const row = (period: string, reportedOn: string): Array<string | number> => {
    const { alwaysEventId, measureId } = app.data.longSeries;
    return ['measurement', odsCode, alwaysEventId, measureId, 'home', period, 33, 40, reportedOn, ''];
  };
  const summary = async () => {
    await tab.page.waitForSelector('[data-testid=import-report]');
    return tab.page.textContent('[data-testid=import-summary]');
  };
  const refusedRows = () =>
    tab.page.$$eval('[data-testid=import-entries] tbody tr', (rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent)),
    );

  it('uploads a CSV and shows its report: the good row written, the refused row with its field and rule', async () => {
    const csv = [HEADER, row('2019-10', '2019-10-31').join(','), row('2019-11', '02/30/2019').join(',')];
    await tab.open('/imports');
    await tab.page.setInputFiles('#import-file', {
      name: 'october.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv.join('\n') + '\n'),
    });
    await tab.page.click('button[type=submit]:has-text("Import")');
    expect(await summary()).toBe(
      '2 rows read from the CSV file: 1 written, 0 already there, 1 refused, 0 failed.',
    );
    expect(await refusedRows()).toEqual([['3', 'reported_on', 'date-format', 'Refused']]);

    const template = await tab.download('text=Download the template (CSV)');
    expect(template.name).toBe('always-events-import-template.csv');
    expect(template.bytes.toString('utf8').split(/\r?\n/)[0]).toContain('ods_code');
    await tab.screenshot('imports-report');
    expect(tab.errors).toEqual([]);
  });

  it('uploads an XLSX workbook made with exceljs and shows its report', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Returns');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(row('2019-12', '2019-12-31'));
    sheet.addRow(row('2020-01', '2020-01-31'));
    await tab.open('/imports');
    await tab.page.setInputFiles('#import-file', {
      name: 'winter.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    await tab.page.click('button[type=submit]:has-text("Import")');
    expect(await summary()).toBe(
      '2 rows read from the XLSX file: 2 written, 0 already there, 0 refused, 0 failed.',
    );
    await tab.screenshot('imports-xlsx-report');
    expect(tab.errors).toEqual([]);
  });

  it('takes a CSV file dropped on the drop zone and shows its report', async () => {
    await tab.open('/imports');
    const csv = [HEADER, row('2020-02', '2020-02-29').join(','), row('2020-03', '31/31/2020').join(',')];
    // A real drop: the browser's own DataTransfer carrying a File, through dragenter, dragover and drop.
    const dataTransfer = await tab.page.evaluateHandle(
      (text) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], 'february.csv', { type: 'text/csv' }));
        return transfer;
      },
      csv.join('\n') + '\n',
    );
    const zone = '[data-testid=drop-zone]';
    await tab.page.dispatchEvent(zone, 'dragenter', { dataTransfer });
    await tab.page.dispatchEvent(zone, 'dragover', { dataTransfer });
    await tab.page.waitForSelector('.drop-zone--over');
    await tab.page.dispatchEvent(zone, 'drop', { dataTransfer });
    await tab.page.waitForSelector('[data-testid=chosen-file]:has-text("february.csv")');
    expect(await tab.page.$$('.drop-zone--over')).toEqual([]);
    await tab.page.click('button[type=submit]:has-text("Import")');
    expect(await summary()).toBe(
      '2 rows read from the CSV file: 1 written, 0 already there, 1 refused, 0 failed.',
    );
    expect(await refusedRows()).toEqual([['3', 'reported_on', 'date-format', 'Refused']]);
    expect(tab.errors).toEqual([]);
  });

  it('shows the API’s refusal of a file whose columns are not the template’s, naming the column and the rule, and no report', async () => {
    const tab = await signedInPage(browser, app.t.url, KEYS.admin.key, '/imports');
    await tab.page.setInputFiles('#import-file', {
      name: 'wrong.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('ods_code,period,colour\nD000,2019-10,blue\n'),
    });
    await tab.page.click('button[type=submit]:has-text("Import")');
    const error = tab.page.locator('[data-testid=error]');
    await error.waitFor();
    expect(await error.getAttribute('data-status')).toBe('422');
    // The refusal names the column by place and rule (it never echoes what a file holds).
    expect(await error.locator('[data-testid=error-fields] li').allTextContents()).toContain(
      'column 3 (unknown-column) Column 3 is not a template column',
    );
    expect(await tab.page.$$('[data-testid=import-report]')).toEqual([]);
    // The browser logs the refused request itself; nothing else went wrong.
    expect(tab.errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    await tab.page.close();
  });
});
