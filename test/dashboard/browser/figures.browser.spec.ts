import type { FunnelReport } from '../../../src/projections/evaluation/funnel-report';
import type { MeasureChart } from '../../../src/projections/measures/measure-chart';
import type { SpreadSummary, TimelineRow } from '../../../src/projections/spread/spread-reports';
import { Browser, launchChromium } from './support/chromium';
import { DashboardApp, KEYS, startDashboardApp } from './support/dashboard-app';
import { DashboardPage, signedInPage } from './support/dashboard-page';

const count = (text: string | null): number => Number((text ?? '').replace(/[,%\s]/g, ''));

/** The figures on the pages are the API's figures, at the bounds the pickers set. */
describe('the dashboard shows the API’s figures [Chromium, sqlite: embedded file store]', () => {
  let app: DashboardApp;
  let browser: Browser;
  let tab: DashboardPage;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDashboardApp(), launchChromium()]);
  }, 120_000);
  beforeEach(async () => {
    tab = await signedInPage(browser, app.t.url, KEYS.admin.key);
  });
  afterEach(async () => tab.page.close());
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const tile = async (name: string) => count(await tab.page.textContent(`[data-testid=tile-${name}-value]`));
  const curveRows = () =>
    tab.page.$$eval('[data-testid=enrolment-curve-table] tbody tr', (rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')),
    );
  const asRows = (items: TimelineRow[]) =>
    items.map((r) => [
      r.month,
      String(r.enrolled),
      String(r.enrolledWithSeniorSupport),
      String(r.targetThreshold),
    ]);

  it('shows the headline as the API counts it today', async () => {
    const summary = await app.api<SpreadSummary>('/v1/spread/summary');
    expect(await tile('enrolled-with-senior-support')).toBe(summary.enrolledWithSeniorSupport);
    expect(await tile('target')).toBe(summary.target?.threshold);
    expect(await tile('trust-share')).toBe(summary.nhsTrusts.sharePercent);
    expect(tab.errors).toEqual([]);
  });

  it('redraws the tiles and the curve as of 31 March 2017 when that date is picked', async () => {
    const [now, then, timeline] = await Promise.all([
      app.api<SpreadSummary>('/v1/spread/summary'),
      app.api<SpreadSummary>('/v1/spread/summary?asOf=2017-03-31'),
      app.api<{ items: TimelineRow[] }>('/v1/spread/timeline?asOf=2017-03-31'),
    ]);
    expect(then.enrolledWithSeniorSupport).toBeLessThan(now.enrolledWithSeniorSupport);
    const before = await curveRows();
    const monthsBefore = await tab.page.getAttribute('[data-testid=enrolment-curve]', 'data-months');
    await tab.page.fill('#bound-asOf', '2017-03-31');
    await tab.page.click('.bounds button[type=submit]');
    await tab.page.waitForURL(/asOf=2017-03-31/);
    // The URL changes before the page asks again: wait until the tile and the curve have been redrawn
    // (each leaves today's figure), then compare them with the API's, exactly.
    await tab.page.waitForFunction(
      ([today, months]) =>
        document.querySelector('.loading') === null &&
        Number(
          (
            document.querySelector('[data-testid=tile-enrolled-with-senior-support-value]')?.textContent ?? ''
          ).replace(/[,%\s]/g, ''),
        ) !== today &&
        document.querySelector('[data-testid=enrolment-curve]')?.getAttribute('data-months') !== months,
      [now.enrolledWithSeniorSupport, monthsBefore] as const,
    );
    await tab.settled();
    expect(await tile('enrolled-with-senior-support')).toBe(then.enrolledWithSeniorSupport);
    expect(await tile('trust-share')).toBe(then.nhsTrusts.sharePercent);
    expect(await tab.page.textContent('[data-testid=bounds-status]')).toContain('as of 31 Mar 2017');
    const after = await curveRows();
    expect(after).toEqual(asRows(timeline.items));
    expect(after).not.toEqual(before);
    expect(await tab.page.getAttribute('[data-testid=enrolment-curve]', 'data-months')).toBe(
      String(timeline.items.length),
    );
    expect(tab.errors).toEqual([]);
  });

  it("shows each phase's funnel, followed to its reporting window, as the API counts it", async () => {
    const funnel = await app.api<FunnelReport>('/v1/evaluation/funnel');
    expect(funnel.byPhase.length).toBeGreaterThan(0);
    await tab.open('/evaluation');
    await tab.page.waitForSelector('[data-testid=funnel-phases] tbody tr');
    const rows = await tab.page.$$eval('[data-testid=funnel-phases] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    // Phase, followed to, then "% (reached)" for each stage: enrolled is the third column.
    expect(rows.map((r) => [r[0], count(/\((.*)\)/.exec(r[2])?.[1] ?? null)])).toEqual(
      funnel.byPhase.map((g) => [g.phaseName, g.stages[0].reached]),
    );
    expect(tab.errors).toEqual([]);
  });

  it('refuses half a date, or dates out of range, and keeps the figures as they were', async () => {
    const shown = await tile('enrolled-with-senior-support');
    // Typed as a person would, stopping before the year: the browser holds half a date and reports badInput.
    await tab.page.focus('#bound-asOf');
    await tab.page.keyboard.type('0315');
    await tab.page.click('.bounds button[type=submit]');
    expect(await tab.page.textContent('[data-testid=bound-asOf-error]')).toBe(
      'Enter a real date, as day, month and year',
    );
    expect(await tab.page.getAttribute('#bound-asOf', 'aria-invalid')).toBe('true');
    await tab.page.fill('#bound-asOf', '1999-12-31');
    await tab.page.fill('#bound-asKnownAt', '2099-01-01');
    await tab.page.click('.bounds button[type=submit]');
    expect(await tab.page.textContent('[data-testid=bound-asOf-error]')).toBe(
      'Pick a date from 2000-01-01 on',
    );
    expect(await tab.page.textContent('[data-testid=bound-asKnownAt-error]')).toBe(
      'Knowledge cannot come from the future: pick today or earlier',
    );
    expect(tab.page.url()).not.toContain('asOf');
    expect(await tile('enrolled-with-senior-support')).toBe(shown);
    expect(tab.errors).toEqual([]);
  });

  it('marks as many special-cause points on an SPC chart as the API returns, under each profile', async () => {
    const { alwaysEventId, measureId } = app.data.longSeries;
    const seen: Record<string, number> = {};
    for (const profile of ['mdc', 'ihi']) {
      const chart = await app.api<MeasureChart>(
        `/v1/measures/${measureId}/chart?profile=${profile}&unit=home`,
      );
      const expected = (chart.chart?.points ?? []).filter(
        (p) => p.y !== null && p.variation !== 'common-cause',
      ).length;
      await tab.open(`/always-events/${alwaysEventId}?profile=${profile}`);
      const figure = `[data-testid=measure][data-measure-id="${measureId}"] [data-testid=spc-chart]`;
      expect(await tab.page.getAttribute(figure, 'data-profile')).toBe(profile);
      const drawn = Number(await tab.page.getAttribute(figure, 'data-special-cause-points'));
      const listed = await tab.page.$$eval(`${figure} [data-special=yes]`, (cells) => cells.length);
      expect({ profile, drawn, listed }).toEqual({ profile, drawn: expected, listed: expected });
      seen[profile] = expected;
    }
    expect(seen.mdc).toBeGreaterThan(0);
    expect(tab.errors).toEqual([]);
  });

  it('filters the register by setting to the rows the API gives for that setting', async () => {
    const all = await app.api<{ page: { total: number } }>('/v1/evaluation/always-events?limit=1');
    const maternity = await app.api<{ page: { total: number } }>(
      '/v1/evaluation/always-events?setting=Maternity&limit=1',
    );
    expect(maternity.page.total).toBeLessThan(all.page.total);
    await tab.open('/always-events');
    await tab.page.selectOption('#filter-setting', 'Maternity');
    await tab.page.waitForURL(/setting=Maternity/);
    const expected = `${maternity.page.total} of ${all.page.total} Always Events`;
    // The URL may change a frame before the table does: wait for the count to leave the unfiltered one.
    await tab.page.waitForFunction(
      (unfiltered) =>
        document.querySelector('.loading') === null &&
        document.querySelector('[data-testid=register-count]')?.textContent !== unfiltered,
      `${all.page.total} of ${all.page.total} Always Events`,
    );
    expect(await tab.page.textContent('[data-testid=register-count]')).toBe(expected);
    expect(await tab.page.$$eval('[data-testid=register-row]', (rows) => rows.length)).toBe(
      maternity.page.total,
    );
    expect(tab.errors).toEqual([]);
  });
});
