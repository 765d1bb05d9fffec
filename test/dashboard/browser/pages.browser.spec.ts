import { Browser, launchChromium } from './support/chromium';
import { DashboardApp, KEYS, startDashboardApp } from './support/dashboard-app';
import { signedInPage } from './support/dashboard-page';

/**
 * Each page, as the national team sees it at a desktop's 1280×800 and on a
 * phone: it loads without console errors, passes axe-core without serious or
 * critical violations, and leaves a screenshot in test-artifacts/dashboard/.
 */
describe('the dashboard pages [Chromium, sqlite: embedded file store]', () => {
  let app: DashboardApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDashboardApp(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const pages = () => [
    ['programme', '/', 'Programme'],
    ['register', '/always-events', 'Always Events register'],
    ['always-event', `/always-events/${app.data.longSeries.alwaysEventId}`, 'Demonstration NHS Trust'],
    ['evaluation', '/evaluation', 'Evaluation'],
    ['evaluations', '/evaluations', 'Evaluations'],
    ['evaluation-records', `/evaluations/${app.data.evaluationId}`, 'Evaluation of Always Events spread'],
    ['organisations', '/organisations', 'Organisations'],
    ['organisation', '/organisations/D000', 'Demonstration NHS Trust D000'],
    ['worklist', '/worklist', 'Worklist'],
    ['imports', '/imports', 'Import returns and measurements'],
  ];

  it('loads every page without console errors or serious accessibility violations, at 1280×800 and on a phone', async () => {
    const tab = await signedInPage(browser, app.t.url, KEYS.admin.key);
    const report: Record<string, { heading: string; violations: string[] }> = {};
    for (const [name, hash, heading] of pages()) {
      await tab.open(hash);
      await tab.screenshot(`${name}-1280x800`);
      report[name] = {
        heading: (await tab.page.textContent('h1'))?.startsWith(heading)
          ? heading
          : `${await tab.page.textContent('h1')}`,
        violations: await tab.seriousViolations(),
      };
    }
    await tab.page.setViewportSize({ width: 390, height: 844 });
    for (const [name, hash] of pages()) {
      await tab.open(hash);
      await tab.screenshot(`${name}-phone`);
      report[`${name} (phone)`] = { heading: '', violations: await tab.seriousViolations() };
    }
    expect(tab.errors).toEqual([]);
    for (const [name, hash, heading] of pages()) {
      expect({ name, hash, ...report[name] }).toEqual({ name, hash, heading, violations: [] });
      expect({ name, phone: report[`${name} (phone)`].violations }).toEqual({ name, phone: [] });
    }
    await tab.page.close();
  });

  it('fits a phone: nothing but the tables scrolls sideways', async () => {
    const tab = await signedInPage(browser, app.t.url, KEYS.admin.key);
    await tab.page.setViewportSize({ width: 390, height: 844 });
    for (const [, hash] of pages()) {
      await tab.open(hash);
      const overflow = await tab.page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect({ hash, overflow }).toEqual({ hash, overflow: 0 });
    }
    await tab.page.close();
  });

  it('opens an Always Event from the register with the keyboard alone', async () => {
    const tab = await signedInPage(browser, app.t.url, KEYS.admin.key, '/always-events');
    const target = (await tab.page.textContent('[data-testid=register-row] a')) as string;
    expect(target).toMatch(/NHS/);
    let focused = '';
    for (let presses = 0; presses < 60 && focused !== target; presses++) {
      await tab.page.keyboard.press('Tab');
      focused = await tab.page.evaluate(() => document.activeElement?.textContent ?? '');
    }
    expect(focused).toBe(target);
    await tab.page.keyboard.press('Enter');
    // Settled alone could still see the register, a frame before the link is followed.
    await tab.page.waitForSelector('main[data-page=always-event]');
    await tab.settled();
    expect(await tab.page.getAttribute('main', 'data-page')).toBe('always-event');
    expect(await tab.page.textContent('h1')).toContain(target);
    expect(tab.errors).toEqual([]);
    await tab.page.close();
  });
});
