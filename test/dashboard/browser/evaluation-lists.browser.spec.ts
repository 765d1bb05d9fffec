import { randomUUID } from 'node:crypto';
import { commandClient } from '../../commands/command-client';
import { sender } from '../support/sender';
import { Browser, launchChromium } from './support/chromium';
import { DashboardApp, KEYS, startDashboardApp } from './support/dashboard-app';
import { DashboardPage, signedInPage } from './support/dashboard-page';

interface Listed<T> {
  items: T[];
  page: { total: number };
}
type Evaluation = { evaluationId: string; title: string };
type DataCut = { dataCutId: string; checksums: Record<string, string> };

/** More evaluations than one page holds (25), besides the dashboard data's own. */
const MORE = 26;

/**
 * An evaluator's lists on the dashboard, against the whole service: the
 * evaluations (search, sort, pages, bounds), one evaluation's data cuts,
 * findings and report, and a new cut's evaluation picked from the list.
 * What the page shows is checked against what the API answers.
 */
describe('the evaluation lists [Chromium, sqlite: embedded file store]', () => {
  let app: DashboardApp;
  let browser: Browser;
  let tab: DashboardPage;
  let evaluationId: string;
  const cutIds = [randomUUID(), randomUUID()];
  const finding = 'Teams that met the sponsor monthly agreed their statements sooner';

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDashboardApp({}, 24), launchChromium()]);
    evaluationId = app.data.evaluationId;
    const send = sender(commandClient(app.t.url));
    for (let i = 0; i < MORE; i++) {
      await send('CommissionEvaluation', {
        evaluationId: randomUUID(),
        title: `Return compliance review ${String(i + 1).padStart(2, '0')}`,
        evaluator: i % 2 === 0 ? 'The King’s Fund' : 'Nuffield Trust',
        commissioner: 'NHS England',
        scope: 'Spread',
        questions: ['Are monthly returns on time?'],
      });
    }
    for (const [i, dataCutId] of cutIds.entries())
      await send('TakeDataCut', { evaluationId, dataCutId, asOf: i === 0 ? '2018-03-31' : '2018-06-30' });
    await send('RecordFinding', {
      evaluationId,
      findingId: randomUUID(),
      kind: 'Facilitator',
      text: finding,
      evidence: { dataCutIds: cutIds, alwaysEventIds: [app.data.longSeries.alwaysEventId] },
    });
    await send('PublishReport', {
      evaluationId,
      title: 'Always Events: what have we learned?',
      publishedOn: '2019-05-01',
      url: 'https://example.org/always-events-evaluation',
    });
    tab = await signedInPage(browser, app.t.url, KEYS.evaluator.key);
  }, 180_000);
  afterAll(async () => {
    await tab?.page.close();
    await browser?.close();
    await app?.close();
  });

  const cells = (table: string, column: number) =>
    tab.page.$$eval(`[data-testid=${table}] tbody tr td:nth-child(${column})`, (tds) =>
      tds.map((td) => td.textContent ?? ''),
    );
  const pagerSays = (text: string) =>
    tab.page.waitForSelector(`[data-testid=pager-status]:has-text("${text}")`);

  it('pages through the evaluations: the next page shows the rest, the previous page the first again', async () => {
    const all = await app.api<Listed<Evaluation>>('/v1/evaluations?limit=1000');
    expect(all.page.total).toBe(MORE + 1);
    await tab.open('/evaluations');
    expect(await tab.page.textContent('[data-testid=pager-status]')).toBe(
      `Evaluations 1–25 of ${MORE + 1} (page 1)`,
    );
    const first = await cells('evaluations-table', 1);
    expect(first).toEqual(all.items.slice(0, 25).map((e) => e.title));
    await tab.page.click('text=Next page');
    await pagerSays('page 2');
    expect(await cells('evaluations-table', 1)).toEqual(all.items.slice(25).map((e) => e.title));
    await tab.page.click('text=Previous page');
    await pagerSays('page 1');
    expect(await cells('evaluations-table', 1)).toEqual(first);
    expect(tab.errors).toEqual([]);
  });

  it('searches and sorts the evaluations as the API does, and asks at the page’s bounds', async () => {
    await tab.open('/evaluations');
    await tab.page.fill('#evaluations-q', 'nuffield');
    await tab.page.click('form[role=search] button');
    await tab.page.waitForURL(/q=nuffield/);
    await tab.settled();
    const searched = await app.api<Listed<Evaluation>>('/v1/evaluations?q=nuffield&limit=25');
    expect(searched.page.total).toBe(MORE / 2);
    expect(await cells('evaluations-table', 1)).toEqual(searched.items.map((e) => e.title));
    expect(await cells('evaluations-table', 2)).toEqual(Array(MORE / 2).fill('Nuffield Trust'));

    await tab.page.selectOption('#evaluations-sort', 'title');
    await tab.page.waitForURL(/sort=title/);
    await tab.settled();
    const sorted = await app.api<Listed<Evaluation>>('/v1/evaluations?q=nuffield&sort=title&limit=25');
    expect(await cells('evaluations-table', 1)).toEqual(sorted.items.map((e) => e.title));
    expect(sorted.items.map((e) => e.title)).toEqual(sorted.items.map((e) => e.title).sort());

    // Everything here was commissioned today: as known a day ago, there was nothing.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await tab.open(`/evaluations?asKnownAt=${yesterday}`);
    expect(await tab.page.textContent('[data-testid=pager-status]')).toBe('No evaluations');
    expect(tab.errors).toEqual([]);
  });

  it('opens one evaluation’s data cuts with each cut’s id and checksums, then its findings and report', async () => {
    // Commissioned first, it is on the last page: found by search instead.
    await tab.open('/evaluations?q=spread');
    await tab.page.click('[data-testid=evaluations-table] a:has-text("Evaluation of Always Events spread")');
    await tab.page.waitForSelector('main[data-page=evaluation-records]');
    await tab.settled();
    expect(await tab.page.textContent('h1')).toBe('Evaluation of Always Events spread');
    const cuts = await app.api<Listed<DataCut>>(`/v1/evaluations/data-cuts?evaluationId=${evaluationId}`);
    expect(cuts.items.map((c) => c.dataCutId).sort()).toEqual([...cutIds].sort());
    expect(await cells('data-cuts-table', 1)).toEqual(cuts.items.map((c) => c.dataCutId));
    const sums = await cells('data-cuts-table', 6);
    for (const [i, cut] of cuts.items.entries())
      for (const [readModel, sum] of Object.entries(cut.checksums))
        expect(sums[i]).toContain(`${readModel} ${sum}`);
    expect(Object.keys(cuts.items[0]?.checksums ?? {}).length).toBeGreaterThan(0);

    await tab.page.click('nav.tabs >> text=Findings');
    await tab.page.waitForSelector('[data-testid=findings-table]');
    expect(await cells('findings-table', 2)).toEqual([finding]);
    expect(await cells('findings-table', 3)).toEqual(['2 data cuts, 1 Always Events']);
    await tab.page.click('nav.tabs >> text=Report');
    await tab.page.waitForSelector('[data-testid=reports-table]');
    const report = tab.page.locator('[data-testid=reports-table] tbody a');
    expect(await report.textContent()).toBe('Always Events: what have we learned?');
    expect(await report.getAttribute('href')).toBe('https://example.org/always-events-evaluation');
    await tab.screenshot('evaluation-records');
    expect(tab.errors).toEqual([]);
  });

  it('opens a listed cut on the evaluation page, to verify it', async () => {
    const [cutId] = cutIds as [string];
    await tab.open(`/evaluations/${evaluationId}/data-cuts?q=${cutId.slice(0, 8)}`);
    expect(await cells('data-cuts-table', 1)).toEqual([cutId]);
    await tab.page.click('[data-testid=data-cuts-table] a:has-text("Open")');
    const cut = tab.page.locator(`[data-testid=data-cut][data-cut-id="${cutId}"]`);
    await cut.waitFor();
    await cut.locator('button', { hasText: 'Verify' }).click();
    expect(await tab.page.textContent('[data-testid=verify-result]')).toBe(
      'Every read model reproduces its checksum.',
    );
    expect(tab.errors).toEqual([]);
  });

  it('takes a data cut of an evaluation chosen from the list, not pasted', async () => {
    const [other] = (await app.api<Listed<Evaluation>>('/v1/evaluations?q=review%2007')).items;
    await tab.open(`/evaluations/${evaluationId}`);
    await tab.page.click('text=Take a data cut of this evaluation');
    await tab.page.waitForSelector('main[data-page=evaluation]');
    await tab.page.waitForSelector(`#cut-evaluation option[value="${other?.evaluationId}"]`, {
      state: 'attached',
    });
    // The link names the evaluation: chosen in the select, its id in the box.
    expect(await tab.page.inputValue('#cut-evaluation')).toBe(evaluationId);
    expect(await tab.page.inputValue('#cut-evaluationId')).toBe(evaluationId);
    await tab.page.selectOption('#cut-evaluation', other?.evaluationId as string);
    expect(await tab.page.inputValue('#cut-evaluationId')).toBe(other?.evaluationId);
    await tab.page.fill('#cut-asOf', '2018-06-30');
    await tab.page.click('text=Take data cut');
    const cut = tab.page.locator('[data-testid=data-cut]');
    await cut.waitFor();
    expect(await cut.textContent()).toContain(`evaluation ${other?.evaluationId}`);
    const listed = await app.api<Listed<DataCut>>(
      `/v1/evaluations/data-cuts?evaluationId=${other?.evaluationId}`,
    );
    expect(listed.items.map((c) => c.dataCutId)).toEqual([await cut.getAttribute('data-cut-id')]);
    expect(tab.errors).toEqual([]);
  });
});
