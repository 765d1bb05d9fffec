import { ProjectionRunner } from '../../../src/projections/runner/projection-runner';
import { Browser, launchChromium } from './support/chromium';
import { DashboardApp, KEYS, startDashboardApp } from './support/dashboard-app';
import { signedInPage } from './support/dashboard-page';

/**
 * Refusals and outages, provoked for real (nothing stubbed): each shows a
 * message saying what happened and what to do, never a blank page.
 */
describe('the dashboard when the API refuses or cannot answer [Chromium, sqlite: embedded file store]', () => {
  let app: DashboardApp;
  let browser: Browser;

  beforeAll(async () => {
    // A read model that is behind answers 503 after this wait, instead of 5 s.
    [app, browser] = await Promise.all([
      // The 503s provoked here would each log an error; they are the behaviour under test.
      startDashboardApp({ READ_YOUR_WRITES_TIMEOUT_MS: '300', LOG_LEVEL: 'fatal' }, 24),
      launchChromium(),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('401: a wrong key brings back the sign-in form, saying the key was not accepted', async () => {
    const tab = await signedInPage(browser, app.t.url, 'aek_not-a-key-anyone-was-given', '/', {
      settle: false,
    });
    await tab.page.waitForSelector('[data-testid=sign-in-problem]');
    expect(await tab.page.textContent('[data-testid=sign-in-problem]')).toBe(
      'The API key is not valid (unknown or revoked). Sign in again with a valid API key or token.',
    );
    expect(await tab.page.isVisible('#credential')).toBe(true);
    expect(await tab.page.evaluate(() => sessionStorage.length)).toBe(0);
    await tab.page.close();
  });

  it('403: an analyst asking as known at a date is told their role may not', async () => {
    const tab = await signedInPage(browser, app.t.url, KEYS.analyst.key, '/?asKnownAt=2018-06-30');
    const problems = await tab.page.$$eval('[data-testid=error]', (panels) =>
      panels.map((p) => [p.getAttribute('data-status'), p.querySelector('p')?.textContent]),
    );
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(problems.map(([status]) => status))).toEqual(new Set(['403']));
    expect(problems[0][1]).toBe(
      'The role analyst may read as of a business date (asOf) but not as known at (asKnownAt).',
    );
    expect(await tab.page.textContent('h1')).toBe('Programme');
    // As of a date only, the same key sees the figures.
    await tab.open('/?asOf=2018-06-30');
    expect(await tab.page.$$('[data-testid=error]')).toEqual([]);
    expect(await tab.page.isVisible('[data-testid=tile-enrolled-with-senior-support]')).toBe(true);
    await tab.page.close();
  });

  it('503: while the read models are not kept up to date, it says so, and recovers', async () => {
    const tab = await signedInPage(browser, app.t.url, KEYS.admin.key);
    const shown = await tab.page.textContent('[data-testid=tile-enrolled-with-senior-support-value]');
    // Pause the projection feed: the models stop following the log, so they answer 503, not old figures as live.
    const runner = app.t.app.get(ProjectionRunner);
    await runner.stop();
    await tab.page.click('text=Refresh');
    await tab.settled();
    const panel = tab.page.locator('[data-testid=error][data-status="503"]').first();
    expect(await panel.locator('h3').textContent()).toContain('The figures are not available right now');
    expect(await panel.locator('p').first().textContent()).toMatch(
      /^Read model spread is not being kept up to date \(stopped at position \d+ of \d+\); it answers once it is live: retry after 5 s\.$/,
    );
    runner.start();
    await panel.locator('button', { hasText: 'Try again' }).click();
    await tab.page.waitForSelector('[data-testid=tile-enrolled-with-senior-support-value]');
    expect(await tab.page.textContent('[data-testid=tile-enrolled-with-senior-support-value]')).toBe(shown);
    await tab.page.close();
  });

  it('shows the same figures, never a half-folded one, while a read model is rebuilt', async () => {
    const tab = await signedInPage(browser, app.t.url, KEYS.admin.key);
    const shown = await tab.page.textContent('[data-testid=tile-enrolled-with-senior-support-value]');
    const runner = app.t.app.get(ProjectionRunner);
    const rebuild = await fetch(`${app.t.url}/v1/admin/read-models/spread/rebuild`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEYS.admin.key}` },
    });
    expect(rebuild.status).toBe(202);
    const seen = new Set<string | null>();
    do {
      await tab.page.click('text=Refresh');
      await tab.settled();
      expect(await tab.page.$$('[data-testid=error]')).toEqual([]);
      seen.add(await tab.page.textContent('[data-testid=tile-enrolled-with-senior-support-value]'));
    } while (runner.health().find((h) => h.name === 'spread')?.rebuild !== null);
    expect([...seen]).toEqual([shown]);
    await tab.page.close();
  });
});
