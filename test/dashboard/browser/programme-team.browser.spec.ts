import { readFileSync } from 'node:fs';
import { Browser, launchChromium } from './support/chromium';
import { DashboardApp, KEYS, startDashboardApp } from './support/dashboard-app';
import { DashboardPage, signedInPage } from './support/dashboard-page';

const HEADER =
  'record,ods_code,always_event_id,measure_id,unit_id,period,numerator,denominator,reported_on,note';

/**
 * The programme team's working week on the dashboard, against the whole
 * service with the dashboard's data: import a month's figures, find an
 * organisation, page through the register, read the worklist, take the
 * board pack away. Every check reads what the page shows.
 */
describe('the programme team’s pages [Chromium, sqlite: embedded file store]', () => {
  let app: DashboardApp;
  let browser: Browser;
  let tab: DashboardPage;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDashboardApp(), launchChromium()]);
    tab = await signedInPage(browser, app.t.url, KEYS.admin.key);
  }, 180_000);
  afterAll(async () => {
    await tab?.page.close();
    await browser?.close();
    await app?.close();
  });

  const download = async (button: string) => {
    const [file] = await Promise.all([tab.page.waitForEvent('download'), tab.page.click(button)]);
    return { name: file.suggestedFilename(), bytes: readFileSync((await file.path()) as string) };
  };

  it('uploads a CSV and shows its report: the good row written, the refused row with its field and rule', async () => {
    const { alwaysEventId, measureId } = app.data.longSeries;
    const entry = await app.api<{ organisation: { odsCode: string } }>(
      `/v1/evaluation/always-events/${alwaysEventId}`,
    );
    const cells = (period: string, reportedOn: string) => [
      'measurement',
      entry.organisation.odsCode,
      alwaysEventId,
      measureId,
      'home',
      period,
      33,
      40,
      reportedOn,
      '',
    ];
    const csv = [HEADER, cells('2019-10', '2019-10-31').join(','), cells('2019-11', '02/30/2019').join(',')];
    await tab.open('/imports');
    await tab.page.setInputFiles('#import-file', {
      name: 'october.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv.join('\n') + '\n'),
    });
    await tab.page.click('button[type=submit]:has-text("Import")');
    await tab.page.waitForSelector('[data-testid=import-report]');
    expect(await tab.page.textContent('[data-testid=import-summary]')).toBe(
      '2 rows read from the CSV file: 1 written, 0 already there, 1 refused, 0 failed.',
    );
    const entries = await tab.page.$$eval('[data-testid=import-entries] tbody tr', (rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent)),
    );
    expect(entries).toEqual([['3', 'reported_on', 'date-format', 'Refused']]);

    const template = await download('text=Download the template (CSV)');
    expect(template.name).toBe('always-events-import-template.csv');
    expect(template.bytes.toString('utf8').split(/\r?\n/)[0]).toContain('ods_code');
    await tab.screenshot('imports-report');
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

  it('finds an organisation by part of its name and opens its page', async () => {
    await tab.open('/organisations');
    await tab.page.fill('#organisations-q', 'trust d00');
    await tab.page.click('form[role=search] button');
    await tab.page.waitForURL(/q=trust/);
    await tab.settled();
    const names = await tab.page.$$eval('[data-testid=organisations-table] tbody a', (links) =>
      links.map((a) => a.textContent),
    );
    expect(names).toEqual(Array.from({ length: 10 }, (_, i) => `Demonstration NHS Trust D00${i}`));
    await tab.page.click('[data-testid=organisations-table] a:has-text("Demonstration NHS Trust D000")');
    await tab.page.waitForSelector('main[data-page=organisation]');
    await tab.settled();
    expect(await tab.page.textContent('h1')).toBe('Demonstration NHS Trust D000');
    expect(await tab.page.textContent('[data-testid=organisation-status]')).toBe('Enrolled');
    expect(await tab.page.$$('[data-testid=participation-steps] tbody tr')).not.toHaveLength(0);
    // D000 holds the long measure: its Always Event, and its chart drawn on the page.
    expect(await tab.page.textContent('[data-testid=organisation-always-events]')).toContain('Home unit');
    await tab.page.waitForSelector('[data-testid=spc-image] svg');
    await tab.screenshot('organisation-page');
    expect(tab.errors).toEqual([]);
  });

  it('pages through the register: the next page shows other rows, the previous page the first again', async () => {
    await tab.open('/always-events?limit=10');
    const ids = () =>
      tab.page.$$eval('[data-testid=register-row] a', (links) => links.map((a) => a.getAttribute('href')));
    const first = await ids();
    expect(first).toHaveLength(10);
    const status = (await tab.page.textContent('[data-testid=pager-status]')) as string;
    expect(status).toMatch(/^Always Events 1–10 of \d+ \(page 1\)$/);
    await tab.page.click('text=Next page');
    await tab.page.waitForSelector('[data-testid=pager-status]:has-text("page 2")');
    const second = await ids();
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    await tab.page.click('text=Previous page');
    await tab.page.waitForSelector('[data-testid=pager-status]:has-text("page 1")');
    expect(await ids()).toEqual(first);
    expect(tab.errors).toEqual([]);
  });

  it('opens the worklist and shows the items to chase with their rule and since when', async () => {
    await tab.open('/worklist?asOf=2018-06-30');
    const items = await tab.page.$$eval('[data-testid=worklist-items] tbody tr', (rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)),
    );
    expect(items.length).toBeGreaterThan(0);
    const [rule, organisation, , since] = items[0] as string[];
    expect(rule).toMatch(/overdue|vacant|quiet|awaiting|sustainment/i);
    expect(organisation).toMatch(/\w/);
    expect(since).toMatch(/^\d{1,2} \w{3} \d{4}$/);
    const counted = await tab.page.$$eval('[data-testid=worklist-counts] tbody td.numeric', (cells) =>
      cells.reduce((sum, td) => sum + Number(td.textContent), 0),
    );
    expect(counted).toBeGreaterThanOrEqual(items.length);
    await tab.screenshot('worklist');
    expect(tab.errors).toEqual([]);
  });

  it('downloads the board pack at the page’s bounds as PDF and as XLSX', async () => {
    await tab.open('/?asOf=2018-06-30');
    const pdf = await download('[data-testid=board-pack-pdf]');
    expect(pdf.name).toMatch(/board-pack-2018-06-30\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const xlsx = await download('[data-testid=board-pack-xlsx]');
    expect(xlsx.name).toMatch(/board-pack-2018-06-30\.xlsx$/);
    expect([...xlsx.bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(tab.errors).toEqual([]);
  });
});
