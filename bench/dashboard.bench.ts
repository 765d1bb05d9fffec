/**
 * Dashboard first load: the programme page opened in Debian's Chromium
 * against the service filled with the dashboard tests' data (the evaluation
 * scenario, 200 more trusts, 150 of them enrolled), measured in the browser
 * with navigation timing, cold (empty cache) and warm (assets cached). The
 * baseline, measured in the same run: the same six API queries the page
 * makes, sent in parallel from Node, so the browser's share is visible.
 */
import { expect } from 'expect';
import { launchChromium } from '../test/dashboard/browser/support/chromium';
import { KEYS, startDashboardApp } from '../test/dashboard/browser/support/dashboard-app';
import { fmt, table, writeSection } from './support/results';

// The data is filled by the e2e tests' scenario helpers, which check each command with jest's expect.
(globalThis as { expect?: unknown }).expect = expect;

const quick = process.argv.includes('--quick');
const RUNS = quick ? 2 : 5;
const TRUSTS = 200;
const QUERIES = [
  '/v1/spread/summary',
  '/v1/spread/timeline',
  ...['region', 'organisationType', 'cohort', 'setting'].map((by) => `/v1/spread/breakdown?by=${by}`),
];

interface Load {
  responseEnd: number;
  domContentLoaded: number;
  load: number;
  figuresDrawn: number;
  transferKb: number;
  requests: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function runDashboardBench(): Promise<void> {
  const app = await startDashboardApp({}, TRUSTS);
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${app.t.url}/`);
    await page.fill('#credential', KEYS.admin.key);
    await page.click('button[type=submit]');
    const loads: Record<'cold' | 'warm', Load[]> = { cold: [], warm: [] };
    const cdp = await browser.context.newCDPSession(page);
    for (let run = 0; run < RUNS; run++) {
      for (const kind of ['cold', 'warm'] as const) {
        if (kind === 'cold') await cdp.send('Network.clearBrowserCache');
        await page.goto('about:blank');
        await page.goto(`${app.t.url}/#/`);
        await page.waitForFunction(
          () =>
            document.querySelectorAll('[data-testid^=breakdown-] canvas').length === 4 &&
            document.querySelector('[data-testid=enrolment-curve] canvas') !== null &&
            document.querySelector('.loading') === null,
          undefined,
          { polling: 'raf' },
        );
        loads[kind].push(
          await page.evaluate(() => {
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
            const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
            return {
              responseEnd: nav.responseEnd,
              domContentLoaded: nav.domContentLoadedEventEnd,
              load: nav.loadEventEnd,
              figuresDrawn: performance.now(),
              transferKb: (nav.transferSize + resources.reduce((t, r) => t + r.transferSize, 0)) / 1024,
              requests: resources.length + 1,
            };
          }),
        );
      }
    }
    const api: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      await Promise.all(
        QUERIES.map((q) =>
          fetch(`${app.t.url}${q}`, { headers: { authorization: `Bearer ${KEYS.admin.key}` } }),
        ),
      );
      api.push(performance.now() - start);
    }
    const row = (label: string, pick: (l: Load) => number, digits = 0) => [
      label,
      fmt(median(loads.cold.map(pick)), digits),
      fmt(median(loads.warm.map(pick)), digits),
    ];
    writeSection(
      'dashboard',
      `## Dashboard first load — \`npm run bench:dashboard\`

The programme page (four tiles, the enrolment curve, the trust-share line and four breakdowns: six API queries) in headless Debian Chromium at 1280×800, on the same machine as the service (embedded store, ${fmt(app.data.enrolled + 4)} organisations enrolled, ${fmt(app.data.trusts + 4)} registered). Times in ms from navigation start, median of ${RUNS} loads each; cold = browser cache cleared, warm = assets cached (the page itself is revalidated). "Figures drawn": every loading message gone and every chart's canvas in place. Assets are served uncompressed (the service has no compression).

${table(
  ['measure', 'cold', 'warm'],
  [
    row('response end (the page)', (l) => l.responseEnd, 1),
    row('DOM content loaded', (l) => l.domContentLoaded),
    row('load event end', (l) => l.load),
    row('figures drawn', (l) => l.figuresDrawn),
    row('transferred (KiB)', (l) => l.transferKb),
    row('requests', (l) => l.requests),
  ],
)}

Baseline in the same run: the page's six API queries sent in parallel from Node, ${fmt(median(api))} ms (median of ${RUNS}).`,
    );
    console.log(
      `dashboard first load: figures drawn cold ${fmt(median(loads.cold.map((l) => l.figuresDrawn)))} ms`,
    );
  } finally {
    await browser.close();
    await app.close();
  }
}

if (require.main === module) void runDashboardBench();
