import { commandClient } from '../../commands/command-client';
import { sender } from '../support/sender';
import { Browser, launchChromium } from './support/chromium';
import { DashboardApp, KEYS, startDashboardApp } from './support/dashboard-app';
import { DashboardPage, signedInPage } from './support/dashboard-page';

/**
 * The programme team's working week on the dashboard, against the whole
 * service with the dashboard's data: find an organisation, page through
 * the register, read the worklist, take the board pack away (importing a
 * month's figures: imports.browser.spec.ts). Every check reads what the
 * page shows.
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

  const names = () =>
    tab.page.$$eval('[data-testid=organisations-table] tbody a', (links) => links.map((a) => a.textContent));

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

  it('filters the organisations by a cohort chosen from those the API lists', async () => {
    type Listed = { page: { total: number } };
    const listed = await app.api<{ items: Array<{ cohortId: string; name: string }> }>('/v1/spread/cohorts');
    const cohorts = listed.items.map((c) => ({ key: c.cohortId, label: c.name }));
    expect(cohorts.map((c) => c.key).sort()).toEqual(['cohort-1', 'cohort-2']);
    await tab.open('/organisations');
    await tab.page.waitForSelector('#filter-cohort option[value="cohort-2"]', { state: 'attached' });
    const offered = await tab.page.$$eval('#filter-cohort option', (options) =>
      options.map((o) => [o.getAttribute('value'), o.textContent]),
    );
    expect(offered).toEqual([['', 'All'], ...cohorts.map((c) => [c.key, c.label])]);

    await tab.page.selectOption('#filter-cohort', 'cohort-2');
    await tab.page.waitForURL(/cohort=cohort-2/);
    await tab.settled();
    const inCohort = await app.api<Listed>('/v1/organisations?cohort=cohort-2&limit=1000');
    expect(inCohort.page.total).toBeGreaterThan(0);
    expect(await tab.page.textContent('[data-testid=pager-status]')).toMatch(
      new RegExp(` of ${inCohort.page.total} \\(page 1\\)$`),
    );
    const label = cohorts.find((c) => c.key === 'cohort-2')?.label;
    const shown = await tab.page.$$eval('[data-testid=organisations-table] tbody tr td:nth-child(7)', (tds) =>
      tds.map((td) => td.textContent),
    );
    expect(new Set(shown)).toEqual(new Set([label]));
    const all = await app.api<Listed>('/v1/organisations?limit=1');
    expect(inCohort.page.total).toBeLessThan(all.page.total);
    expect(tab.errors).toEqual([]);
  });

  it('filters the organisations by NHS trust or not', async () => {
    type Listed = { items: Array<{ name: string }>; page: { total: number } };
    // The dashboard's data registers NHS trusts only: one care home besides.
    await sender(commandClient(app.t.url))('RegisterOrganisation', {
      odsCode: 'VN1',
      name: 'Demonstration Care Home VN1',
      type: 'CareHome',
      regionCode: 'Y56',
      isNhsTrust: false,
      openDate: '2010-04-01',
    });
    await tab.open('/organisations?nhsTrust=false');
    expect(await tab.page.inputValue('#filter-nhs-trust')).toBe('false');
    const others = await app.api<Listed>('/v1/organisations?nhsTrust=false&limit=1000');
    expect(others.items.map((o) => o.name)).toEqual(['Demonstration Care Home VN1']);
    expect(await names()).toEqual(['Demonstration Care Home VN1']);
    await tab.page.selectOption('#filter-nhs-trust', 'true');
    await tab.page.waitForURL(/nhsTrust=true/);
    await tab.settled();
    const trusts = await app.api<Listed>('/v1/organisations?nhsTrust=true&limit=25');
    expect(trusts.page.total).toBeGreaterThan(0);
    expect(await names()).toEqual(trusts.items.map((o) => o.name));
    expect(await tab.page.textContent('[data-testid=pager-status]')).toMatch(
      new RegExp(` of ${trusts.page.total} \\(page 1\\)$`),
    );
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
    const pdf = await tab.download('[data-testid=board-pack-pdf]');
    expect(pdf.name).toMatch(/board-pack-2018-06-30\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const xlsx = await tab.download('[data-testid=board-pack-xlsx]');
    expect(xlsx.name).toMatch(/board-pack-2018-06-30\.xlsx$/);
    expect([...xlsx.bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(tab.errors).toEqual([]);
  });
});
