import { runSimulation, SimulationSummary } from '../../../scripts/simulator/run/run-simulation';
import { rememberCredential, testKey } from '../../support/credentials';
import { startTestApp, TestApp } from '../../support/test-app';
import { fillDashboardData } from '../support/dashboard-data';
import { Browser, launchChromium } from './support/chromium';
import { signedInPage } from './support/dashboard-page';

/** The service's own defaults (docs/operations/rate-limits.md); test apps otherwise lift the limits. */
const DEFAULT_LIMITS = {
  RATE_LIMIT_WINDOW_MS: '60000',
  RATE_LIMIT_MAX: '1200',
  RATE_LIMIT_BULK_MAX: '180000',
  RATE_LIMIT_BULK_ROLES: 'programme-admin,submitter',
  RATE_LIMIT_UNAUTHENTICATED_MAX: '60',
};

describe('the simulator and the dashboard on one key, with the default limits [Chromium, sqlite: embedded file store]', () => {
  let t: TestApp;
  let browser: Browser;
  const admin = testKey('walkthrough-admin', 'programme-admin');
  const limited = testKey('limited-analyst', 'analyst');
  let summary: SimulationSummary;
  const seen: Array<{ errors: number; notices: number; tile: string | null }> = [];

  beforeAll(async () => {
    [t, browser] = await Promise.all([
      startTestApp({
        ...DEFAULT_LIMITS,
        SEED_REGISTER_ON_EMPTY_STORE: 'true',
        API_KEYS: JSON.stringify([admin.entry, { ...limited.entry, rateLimit: { queries: 8 } }]),
      }),
      launchChromium(),
    ]);
    const tab = await signedInPage(browser, t.url, admin.key);
    // The walkthrough's run (docs/evaluators/walkthrough.md), a tenth of it, with its default concurrency, while the page is refreshed throughout.
    let running = true;
    const simulation = runSimulation({ url: t.url, seed: '42', scale: 0.1, apiKey: admin.key }).finally(
      () => (running = false),
    );
    // The page answers "Programme not found" until the simulation's first commands have launched it
    // (correctly: it was seen on a busy machine, where the first refresh came first); from then on it
    // must stay usable.
    for (let tries = 0; ; tries++) {
      const response = await fetch(`${t.url}/v1/spread/summary`, {
        headers: { authorization: `Bearer ${admin.key}` },
      });
      await response.arrayBuffer();
      if (response.status === 200) break;
      if (tries > 150 || !running) throw new Error(`the programme was not launched: ${response.status}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    while (running) {
      const started = Date.now();
      await tab.page.click('text=Refresh');
      await tab.settled();
      // Read as the page stands, without waiting: a tile missing (an error or a notice instead) is recorded.
      const tile = await tab.page.$('[data-testid=tile-enrolled-with-senior-support-value]');
      seen.push({
        errors: (await tab.page.$$('[data-testid=error]')).length,
        notices: (await tab.page.textContent('[data-testid=throttle-notice]'))?.trim().length ?? 0,
        tile: tile && (await tile.textContent()),
      });
      // A person refreshing often, not a load test: at most once a second, well inside the key's
      // default 1,200 queries a minute however long a busy machine makes the simulation.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1_000 - (Date.now() - started))));
    }
    summary = await simulation;
    await tab.page.close();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('runs the simulation with no command throttled or refused', () => {
    expect(summary.refused).toBe(0);
    expect(summary.retries).toBe(0);
    expect(summary.commands).toBeGreaterThan(2_000);
  });

  it('keeps the dashboard usable with the same key meanwhile: figures, no error, no notice', () => {
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.filter((s) => s.errors > 0 || s.notices > 0)).toEqual([]);
    expect(seen.every((s) => s.tile !== null && /^\d+$/.test(s.tile))).toBe(true);
  });

  it('still answers a client over its limit with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 9; i++) {
      const response = await fetch(`${t.url}/v1/spread/summary`, {
        headers: { authorization: `Bearer ${limited.key}` },
      });
      statuses.push(response.status);
      retryAfter = response.headers.get('retry-after');
      await response.arrayBuffer();
    }
    expect(statuses).toEqual([...Array(8).fill(200), 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe('the dashboard with a key over its limit [Chromium, sqlite: embedded file store]', () => {
  let t: TestApp;
  let browser: Browser;
  const admin = testKey('filler-admin', 'programme-admin');
  const limited = testKey('limited-analyst', 'analyst');

  beforeAll(async () => {
    [t, browser] = await Promise.all([
      startTestApp({
        ...DEFAULT_LIMITS,
        // A short window, so the countdown ends within the test.
        RATE_LIMIT_WINDOW_MS: '6000',
        API_KEYS: JSON.stringify([admin.entry, { ...limited.entry, rateLimit: { queries: 3 } }]),
      }),
      launchChromium(),
    ]);
    rememberCredential(t.url, admin.key);
    await fillDashboardData(t.url, { trusts: 12 });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('says so once, counting down, with the panels waiting, then loads them by itself', async () => {
    const tab = await signedInPage(browser, t.url, limited.key, '/', { settle: false });
    await tab.page.waitForSelector('[data-testid=throttle-seconds]');
    const notice = (await tab.page.textContent('[data-testid=throttle-notice]')) ?? '';
    expect(notice).toMatch(
      /^Too many requests just now\. This key has reached its request limit for the moment; the figures load by themselves in \d s\.$/,
    );
    const first = Number(await tab.page.textContent('[data-testid=throttle-seconds]'));
    // The page says it once: no panel repeats it, none shows an error.
    const text = (await tab.page.textContent('main')) ?? '';
    expect(text.split('Too many requests').length - 1).toBe(1);
    expect(await tab.page.$$('[data-testid=error]')).toEqual([]);
    expect(await tab.page.$$('.loading')).not.toEqual([]);
    await tab.page.waitForFunction(
      (start) => Number(document.querySelector('[data-testid=throttle-seconds]')?.textContent) < start,
      first,
    );
    // The countdown ends, the notice goes and the panels load by themselves (within the window and a retry).
    await tab.page.waitForFunction(
      () => (document.querySelector('[data-testid=throttle-notice]')?.textContent ?? '') === '',
      undefined,
      { timeout: 20_000 },
    );
    await tab.settled();
    expect(await tab.page.textContent('[data-testid=throttle-notice]')).toBe('');
    expect(await tab.page.textContent('[data-testid=tile-enrolled-with-senior-support-value]')).toMatch(
      /^\d+$/,
    );
    expect(await tab.page.$$('[data-testid=error]')).toEqual([]);
    expect(tab.errors.filter((e) => !/429/.test(e))).toEqual([]);
    await tab.page.close();
  }, 60_000);
});
