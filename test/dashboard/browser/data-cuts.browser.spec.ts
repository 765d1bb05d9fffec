import { readFileSync } from 'node:fs';
import { Browser, launchChromium } from './support/chromium';
import { DashboardApp, KEYS, startDashboardApp } from './support/dashboard-app';
import { signedInPage } from './support/dashboard-page';

/** An evaluator takes a data cut, verifies it, and downloads a read model's table at the cut. */
describe('data cuts from the evaluation page [Chromium, sqlite: embedded file store]', () => {
  let app: DashboardApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDashboardApp({}, 24), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('takes a cut with TakeDataCut, verifies it and downloads the CSV the API serves for it', async () => {
    const tab = await signedInPage(browser, app.t.url, KEYS.evaluator.key, '/evaluation');
    await tab.page.fill('#cut-evaluationId', app.data.evaluationId);
    await tab.page.fill('#cut-asOf', '2018-06-30');
    await tab.page.click('text=Take data cut');
    const cut = tab.page.locator('[data-testid=data-cut]');
    await cut.waitFor();
    const dataCutId = (await cut.getAttribute('data-cut-id')) as string;
    const stored = await app.api<{ asOf: string; checksums: Record<string, string> }>(
      `/v1/evaluation/data-cuts/${dataCutId}`,
    );
    expect(stored.asOf).toBe('2018-06-30T23:59:59.999Z');
    const listed = await cut
      .locator('[data-testid=data-cut-read-models] tbody tr td:first-child')
      .allTextContents();
    expect(listed).toEqual(Object.keys(stored.checksums));

    await cut.locator('button', { hasText: 'Verify' }).click();
    expect(await tab.page.textContent('[data-testid=verify-result]')).toBe(
      'Every read model reproduces its checksum.',
    );

    const [download] = await Promise.all([
      tab.page.waitForEvent('download'),
      cut.locator('button', { hasText: 'Download CSV of spread' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`data-cut-${dataCutId}-spread.csv`);
    const served = await fetch(`${app.t.url}/v1/evaluation/data-cuts/${dataCutId}/read-models/spread`, {
      headers: { authorization: `Bearer ${KEYS.evaluator.key}`, accept: 'text/csv' },
    });
    expect(readFileSync((await download.path()) as string, 'utf8')).toBe(await served.text());
    expect(tab.errors).toEqual([]);
    await tab.screenshot('evaluation-data-cut');
    await tab.page.close();
  });

  it('refuses a cut without an evaluation id, in the form', async () => {
    const tab = await signedInPage(browser, app.t.url, KEYS.evaluator.key, '/evaluation');
    await tab.page.click('text=Take data cut');
    expect(await tab.page.textContent('#cut-evaluationId-error')).toBe('Enter the evaluation’s id (a UUID)');
    expect(await tab.page.$$('[data-testid=data-cut]')).toEqual([]);
    expect(tab.errors).toEqual([]);
    await tab.page.close();
  });
});
